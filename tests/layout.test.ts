// One job a file, and lines a reader sees whole (issue #25), in every language the repository is written in: no source
// file over 400 lines, no line over 140 characters, strings and comments included. ESLint checks the same limits for
// TypeScript and JavaScript as you edit (max-lines, max-len); this covers the Go, Python and shell files too.
import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.join(__dirname, "..", "..");
const SOURCE = /\.(ts|js|mjs|cjs|go|py|sh)$/;
const MAX_LINES = 400;
const MAX_LENGTH = 140;

describe("layout", () => {
    const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], { cwd: ROOT, encoding: "utf8" })
        .split("\n")
        .filter((f) => SOURCE.test(f) && fs.existsSync(path.join(ROOT, f)));

    it("finds the sources: TypeScript, Go, Python and shell", () => {
        for (const ext of [".ts", ".go", ".py", ".sh"])
            assert.ok(
                files.some((f) => f.endsWith(ext)),
                `a ${ext} file is checked`,
            );
    });

    it(`no source file over ${MAX_LINES} lines, no line over ${MAX_LENGTH} characters`, () => {
        const problems: string[] = [];
        for (const f of files) {
            const lines = fs.readFileSync(path.join(ROOT, f), "utf8").replace(/\n$/, "").split("\n");
            if (lines.length > MAX_LINES) problems.push(`${f}: ${lines.length} lines`);
            lines.forEach((l, i) => {
                if ([...l.replace(/\t/g, "    ")].length > MAX_LENGTH) problems.push(`${f}:${i + 1}: ${l.length} characters`);
            });
        }
        assert.deepEqual(problems, []);
    });
});
