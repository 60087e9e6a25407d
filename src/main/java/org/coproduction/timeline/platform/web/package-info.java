/** HTTP plumbing shared by the feature adapters: problem details, request time defaults and how the answers write doubles. */
package org.coproduction.timeline.platform.web;
