/** The codebook's rules, as the project aggregate applies them. */
package org.coproduction.timeline.codebook.command;
