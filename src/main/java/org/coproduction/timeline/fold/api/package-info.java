/** What a project holds at an (asOf, knownAt), as the pages that record and explore it need it. */
package org.coproduction.timeline.fold.api;
