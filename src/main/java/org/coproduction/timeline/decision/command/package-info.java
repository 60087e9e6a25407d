/** The rules of decisions and influences, enforced inside the project aggregate. */
package org.coproduction.timeline.decision.command;
