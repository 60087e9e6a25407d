package org.coproduction.timeline.participation.query;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import org.coproduction.timeline.api.IpaCategory;
import org.coproduction.timeline.participation.api.Involvement;

/** The measures of docs/metrics.md, each a pure function of counts. */
public final class Measures {

    private static final IpaCategory[] CATEGORIES = IpaCategory.values();
    private static final IpaCategory.Area[] AREAS = IpaCategory.Area.values();

    private Measures() {}

    /** {@code part / total}, 0 when the total is 0. */
    public static double share(long part, long total) {
        return total == 0 ? 0.0 : (double) part / total;
    }

    /**
     * The Gini coefficient in its population form, {@code sum_i sum_j |x_i - x_j| / (2 n^2 mean)}: 0
     * when every count is equal, there are none, or they sum to 0. [6, 4, 2, 0] gives 40 / 96.
     */
    public static double gini(Collection<Integer> counts) {
        int n = counts.size();
        long total = 0;
        for (int x : counts) {
            total += x;
        }
        if (n == 0 || total == 0) {
            return 0.0;
        }
        long differences = 0;
        for (int x : counts) {
            for (int y : counts) {
                differences += Math.abs(x - y);
            }
        }
        // 2 n^2 mean = 2 n total
        return (double) differences / (2.0 * n * total);
    }

    /**
     * Normalised Shannon entropy {@code -sum p_k ln p_k / ln K} of the shares the counts make, over
     * {@code distinct} = K categories (those with a count of 0 add nothing to the sum but do count
     * in K): 0 when K <= 1 or nothing was counted, 1 when every category has the same count.
     */
    public static double normalisedEntropy(Collection<Integer> counts, int distinct) {
        long total = 0;
        for (int x : counts) {
            total += x;
        }
        if (distinct <= 1 || total == 0) {
            return 0.0;
        }
        double sum = 0.0;
        for (int x : counts) {
            if (x > 0) {
                double p = (double) x / total;
                sum -= p * Math.log(p);
            }
        }
        return sum / Math.log(distinct);
    }

    /**
     * {@code share / attendanceShare}: 1 when someone spoke in proportion to their presence. Null,
     * undefined, when they attended nothing (an attendance share of 0).
     */
    public static Double voiceRatio(double share, double attendanceShare) {
        return attendanceShare == 0.0 ? null : share / attendanceShare;
    }

    /** The share of the contributions in each of the 12 categories, every category present (0 when none). */
    public static Map<IpaCategory, Double> ipaShares(Map<IpaCategory, Integer> byCategory) {
        return ipaShares(byOrdinal(byCategory));
    }

    /** {@link #ipaShares(Map)} of counts by {@link IpaCategory} ordinal. */
    public static Map<IpaCategory, Double> ipaShares(int[] byCategory) {
        long total = total(byCategory);
        EnumMap<IpaCategory, Double> shares = new EnumMap<>(IpaCategory.class);
        for (IpaCategory category : CATEGORIES) {
            shares.put(category, share(byCategory[category.ordinal()], total));
        }
        return shares;
    }

    /**
     * The share of the contributions in each of Bales' 4 areas: positive reactions (categories 1-3),
     * attempted answers (4-6), questions (7-9), negative reactions (10-12).
     */
    public static Map<IpaCategory.Area, Double> areaShares(Map<IpaCategory, Integer> byCategory) {
        return areaShares(byOrdinal(byCategory));
    }

    /** {@link #areaShares(Map)} of counts by {@link IpaCategory} ordinal. */
    public static Map<IpaCategory.Area, Double> areaShares(int[] byCategory) {
        long total = total(byCategory);
        long[] byArea = new long[AREAS.length];
        for (IpaCategory category : CATEGORIES) {
            byArea[category.area().ordinal()] += byCategory[category.ordinal()];
        }
        EnumMap<IpaCategory.Area, Double> shares = new EnumMap<>(IpaCategory.Area.class);
        for (IpaCategory.Area area : AREAS) {
            shares.put(area, share(byArea[area.ordinal()], total));
        }
        return shares;
    }

    /**
     * The highest involvement level that holds for a perspective in a window: LED when it alone
     * decided a decision made in the window, else COLLABORATED when it influenced one, else
     * CONSULTED when it was present, else NONE.
     */
    public static Involvement involvement(boolean present, boolean influencedADecisionMade, boolean ledADecisionMade) {
        if (ledADecisionMade) {
            return Involvement.LED;
        }
        if (present && influencedADecisionMade) {
            return Involvement.COLLABORATED;
        }
        return present ? Involvement.CONSULTED : Involvement.NONE;
    }

    private static int[] byOrdinal(Map<IpaCategory, Integer> byCategory) {
        int[] counts = new int[CATEGORIES.length];
        byCategory.forEach((category, n) -> counts[category.ordinal()] += n);
        return counts;
    }

    private static long total(int[] byCategory) {
        long total = 0;
        for (int n : byCategory) {
            total += n;
        }
        return total;
    }
}
