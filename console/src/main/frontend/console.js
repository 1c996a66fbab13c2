// Progressive enhancement only: every page works without script. An error summary takes focus so that screen
// readers announce it, as the NHS design system asks.
(function () {
  "use strict";
  var summary = document.querySelector(".nhsuk-error-summary");
  if (summary) {
    summary.focus();
  }
})();
