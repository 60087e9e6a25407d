/** HTTP plumbing shared by the feature adapters: problem details and request time defaults. */
package org.coproduction.timeline.platform.web;
