/** Diary reflections (private or shared with the team), their coding, interviews and consent. */
package org.coproduction.timeline.reflection.api;
