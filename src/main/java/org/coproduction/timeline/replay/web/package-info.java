/** HTTP adapter of the replay: the whole replay as JSON, or one phase per server-sent event. */
package org.coproduction.timeline.replay.web;
