// The model of AWS is an independent oracle: it must not take its rules from the component it tests. This reads every
// import of plan/aws (AWS), plan/provider (the copy of the AWS provider) and plan/standin (the plugin and its console),
// and fails on any that reaches the component's code.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";

const ROOT = path.resolve(__dirname, "..", "..");
const COMPONENT = path.join(ROOT, "sdk");

/** Every module a file imports or requires, resolved to a path when it is relative. */
function importsOf(file: string): string[] {
    const info = ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true);
    const requires = [...fs.readFileSync(file, "utf8").matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    return [...info.importedFiles.map((f) => f.fileName), ...requires].map((m) =>
        m.startsWith(".") ? path.resolve(path.dirname(file), m) : m,
    );
}

function sources(dir: string): string[] {
    return fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : []));
}

describe("the AWS model's independence", () => {
    for (const dir of ["plan/aws", "plan/provider", "plan/standin"]) {
        it(`${dir} imports nothing from the component (sdk/ or @apprunner-private/apprunner-private)`, () => {
            const found = sources(path.join(ROOT, dir)).flatMap((file) =>
                importsOf(file)
                    .filter(
                        (m) =>
                            m === COMPONENT || m.startsWith(COMPONENT + path.sep) || m.startsWith("@apprunner-private/apprunner-private"),
                    )
                    .map((m) => `${path.relative(ROOT, file)} imports ${path.isAbsolute(m) ? path.relative(ROOT, m) : m}`),
            );
            assert.deepEqual(found, []);
        });
    }

    it("the check itself sees a relative import of the component", () => {
        const file = path.join(ROOT, "plan", "aws", "index.ts");
        const fake = `${fs.readFileSync(file, "utf8")}\nimport { validateTags } from "../../sdk/validation";\n`;
        const info = ts.preProcessFile(fake, true, true);
        assert.ok(info.importedFiles.some((f) => path.resolve(path.dirname(file), f.fileName).startsWith(COMPONENT)));
    });
});
