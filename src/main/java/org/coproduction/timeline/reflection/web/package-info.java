/** HTTP adapters for reflections, their coding, interviews and withdrawal of consent. */
package org.coproduction.timeline.reflection.web;
