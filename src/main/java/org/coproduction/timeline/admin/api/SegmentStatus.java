package org.coproduction.timeline.admin.api;

/**
 * One segment of a processor as its token stands: the global index it has handled up to, whether
 * it is replaying (re-handling events it had handled before a reset, up to the position it was reset
 * at), which instance holds its claim ({@code null} when none does), whether that is this instance,
 * and the error it fails on, if any (only the claiming instance knows it).
 */
public record SegmentStatus(
        int segment, long position, boolean replaying, String owner, boolean claimedHere, String error) {}
