/** HTTP adapters for proposing, influencing, making and revising decisions. */
package org.coproduction.timeline.decision.web;
