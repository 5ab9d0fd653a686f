// Through the real engine, from every language provider/ serves: one component's refusal is reported once, against
// that component only, and reads as one refusal among few lines. The programs (tests/engine/programs/refusal) build
// an InterfaceEndpoint `shared` given two subnets in one Availability Zone beside a correct PrivateEndpoint `audit`.
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { TOPOLOGY as T } from "../../plan/aws";
import { REPO, Workspace, addProvider, configure } from "./harness";

const SAME_ZONE =
    "`subnetIds` must have at most one subnet per Availability Zone (an interface endpoint takes one subnet per zone), " +
    `got: ${T.subnetA} and ${T.subnetA2} in us-east-1a. Keep one subnet per zone.`;
/** The engine's report of a failed Construct, as `pulumi up` prints it. */
const REPORT = `error: apprunner-private:index:InterfaceEndpoint resource 'shared' has a problem: ${SAME_ZONE}`;

/** The lines of `pulumi up`'s output, without the prefix the CLI gives the stack's messages among the steps. */
const linesOf = (output: string) => output.split("\n").map((l) => l.replace(/^ [+~-] {2}pulumi:pulumi:Stack \S+ \w+ /, "").trim());

for (const language of ["python", "yaml", "go"]) {
    describe(`real engine: one refusal, one report (${language})`, function () {
        this.timeout(20 * 60_000);
        const ws = new Workspace(`refusal-${language}`);
        let dir: string;
        let mark: number;
        let lines: string[];

        before(() => {
            dir = ws.copyProject(path.join(REPO, "tests", "engine", "programs", "refusal", language), language);
            addProvider(ws, dir);
            ws.pulumi(dir, "stack", "init", "test");
            configure(ws, dir, "test", {
                vpcId: T.vpcId,
                serviceArn: T.apiServiceArn,
                subnetIds: [T.subnetA, T.subnetB],
                sharedSubnetIds: [T.subnetA, T.subnetA2],
            });
            mark = ws.mark();
            lines = linesOf(ws.pulumiFails(dir, "up", "--stack", "test", "--yes").output);
        });
        after(() => ws.dispose());

        it("reports `shared`'s refusal once, in its own words, and creates nothing", () => {
            const diagnostics = lines.slice(lines.indexOf("Diagnostics:"));
            assert.deepEqual(
                diagnostics.filter((l) => l.includes(" has a problem: ")),
                [REPORT],
                lines.join("\n"),
            );
            // The CLI also shows a diagnostic as it arrives, among the steps: the same report, once.
            assert.deepEqual(
                lines.slice(0, lines.indexOf("Diagnostics:")).filter((l) => l.includes(" has a problem: ")),
                [REPORT],
                lines.join("\n"),
            );
            assert.deepEqual(
                ws.requests(mark).filter((r) => r.method === "Create"),
                [],
            );
        });

        it("reports nothing against `audit`, the correct component", () => {
            // `audit` appears only as the steps that would create it and its children, with no message.
            assert.deepEqual(
                lines.filter((l) => l.includes("audit") && !/^\+ {2}\S+ audit(-[\w-]+)? create$/.test(l)),
                [],
                lines.join("\n"),
            );
            assert.deepEqual(
                lines.filter((l) => l.includes("error serializing")),
                [],
            );
        });

        if (language === "yaml") {
            it("reads as one refusal: no traceback, at most 40 lines", () => {
                assert.deepEqual(
                    lines.filter((l) => l.includes("Traceback")),
                    [],
                    lines.join("\n"),
                );
                assert.ok(lines.length <= 40, `${lines.length} lines:\n${lines.join("\n")}`);
            });
        }
        if (language === "python") {
            // Pulumi's Python SDK then reports the program the engine aborted, with a traceback (DESIGN-NOTES.md, "Readable
            // in Python"): the refusal must come before it, where a reader starts.
            it("shows the refusal first: before any traceback, within the first 40 lines, and first among the errors", () => {
                const first = lines.indexOf(REPORT);
                assert.ok(first >= 0 && first < 40, `the refusal is line ${first + 1}:\n${lines.join("\n")}`);
                assert.deepEqual(
                    lines.slice(0, first).filter((l) => l.includes("Traceback")),
                    [],
                );
                const diagnostics = lines.slice(lines.indexOf("Diagnostics:"));
                assert.equal(
                    diagnostics.find((l) => l.startsWith("error: ")),
                    REPORT,
                );
            });
        }
    });
}
