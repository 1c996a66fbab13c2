// Builds the console's assets from the npm packages into the directory Maven passes (served as /assets/...):
// the NHS design system's styles compiled from its Sass (only the components used), htmx, and the console's script.
import { compile } from "sass";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const moduleRoot = resolve(here, "..", "..", "..");
const out = resolve(process.argv[2] ?? join(moduleRoot, "target", "classes", "META-INF", "resources", "assets"));
mkdirSync(out, { recursive: true });

const css = compile(join(here, "console.scss"), {
  loadPaths: [join(moduleRoot, "node_modules")],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import"],
});
writeFileSync(join(out, "console.css"), css.css);
copyFileSync(join(moduleRoot, "node_modules", "htmx.org", "dist", "htmx.min.js"), join(out, "htmx.min.js"));
copyFileSync(join(here, "console.js"), join(out, "console.js"));
// the NHS favicon at /favicon.ico, where browsers ask for it
copyFileSync(join(moduleRoot, "node_modules", "nhsuk-frontend", "dist", "nhsuk", "assets", "images", "favicon.ico"),
  join(out, "..", "favicon.ico"));
console.log(`console assets in ${out}: console.css ${css.css.length} bytes`);
