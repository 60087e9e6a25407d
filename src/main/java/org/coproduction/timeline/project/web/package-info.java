/** HTTP adapters for registering projects, phases and team changes, and listing projects. */
package org.coproduction.timeline.project.web;
