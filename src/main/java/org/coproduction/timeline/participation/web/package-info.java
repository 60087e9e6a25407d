/** HTTP adapters of the participation questions: participation window by window, and one member's trajectory. */
package org.coproduction.timeline.participation.web;
