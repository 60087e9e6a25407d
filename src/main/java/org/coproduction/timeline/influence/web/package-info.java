/** HTTP adapters of the influence questions: who influenced a decision, the decision list, influence by member and perspective, and provenance. */
package org.coproduction.timeline.influence.web;
