/** The codebook as of a date: its codes, their tree, and how often each was given. */
package org.coproduction.timeline.codebook.query;
