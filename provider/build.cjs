// The plugin's build, run by `npm install` here (its `prepare`, as `pulumi package add` runs it) and by the repository's
// `npm run build`. The component is this plugin's dependency, `file:../sdk`, which npm installs as a copy (.npmrc:
// install-links), as a registry would, so that its @pulumi packages are the plugin's own. A git checkout holds no
// compiled files, so the copy's JavaScript and declarations are compiled here from ../sdk, into the copy; then the
// plugin itself, which imports the component by name through the copy's `exports`. In the repository before any install
// here there is no copy: the plugin then resolves the workspace's own link to sdk/, which `npm run build` has compiled.
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

// `tsc -b` compiles a project only when its sources changed since its last build (its .tsbuildinfo: the copy's own, in
// the copy, so a new copy is compiled anew).
const copy = path.join(__dirname, "node_modules", "@apprunner-private", "apprunner-private", "package.json");
const projects = [...(fs.existsSync(copy) ? ["tsconfig.component.json"] : []), "tsconfig.json"];
execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-b", ...projects.map((p) => path.join(__dirname, p))], {
    stdio: "inherit",
});
