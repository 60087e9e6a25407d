/** The replay of a project phase by phase, as the record stood at a recorded time: the answer records. */
package org.coproduction.timeline.replay.api;
