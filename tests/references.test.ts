// What the packages ship names only what ships with them or lives in this repository: no file of the workspace around
// it (`../shared`, its notes), no path of the machine it was written on.
import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { ROOT } from "./schema";

const tracked = execFileSync("git", ["ls-files"], { cwd: ROOT, encoding: "utf8" }).split("\n").filter(Boolean);
const names = new Set(tracked.map((f) => path.basename(f)));
/** The sources of the four packages: sdk, plan, policy and provider (not what they compile to, not their dependencies). */
const shipped = tracked.filter(
    (f) => /^(sdk|plan|policy|provider)\//.test(f) && /\.(ts|json|md|yaml)$/.test(f) && !/\/(bin|node_modules)\//.test(f),
);

describe("the packages name no file outside the repository", () => {
    it("every document a shipped source names is in the repository", () => {
        const missing: string[] = [];
        for (const f of shipped) {
            const text = fs.readFileSync(path.join(ROOT, f), "utf8");
            for (const m of text.matchAll(/[A-Za-z0-9_-]+\.md\b/g)) if (!names.has(m[0])) missing.push(`${f}: ${m[0]}`);
            for (const m of text.matchAll(/\.\.\/shared|\/work\/|\/root\/|\/home\/\w+/g)) missing.push(`${f}: ${m[0]}`);
        }
        assert.deepEqual(missing, []);
        assert.ok(shipped.length > 50, `${shipped.length} files read`);
    });
});
