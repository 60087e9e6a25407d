/** The rules of reflections, interviews and consent, enforced inside the project aggregate. */
package org.coproduction.timeline.reflection.command;
