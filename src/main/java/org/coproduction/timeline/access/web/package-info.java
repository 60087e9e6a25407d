/**
 * The door: Spring Security's filter chain (sign-in on a page, HTTP Basic, personal access tokens,
 * OpenID Connect when configured), the table of which role may use which endpoint (deny by
 * default), and the account, access and token endpoints.
 */
package org.coproduction.timeline.access.web;
