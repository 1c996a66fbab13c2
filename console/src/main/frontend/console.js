// Progressive enhancement only: every page works without script. An error summary takes focus so that screen
// readers announce it, as the NHS design system asks; links in it move focus to the field they name.
(function () {
  "use strict";
  var summary = document.querySelector(".nhsuk-error-summary");
  if (summary) {
    summary.focus();
  }
  document.addEventListener("htmx:configRequest", function (event) {
    var token = document.querySelector('meta[name="csrf-token"]');
    if (token) {
      event.detail.headers["X-CSRF-TOKEN"] = token.getAttribute("content");
    }
  });
})();
