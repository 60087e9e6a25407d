/** HTTP adapter of the read-model administration: status of every projection and the rebuild request. */
package org.coproduction.timeline.admin.web;
