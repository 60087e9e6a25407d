/** The web application tested in a real browser: Debian's Chromium driven by Selenium. */
package org.coproduction.timeline.browser;
