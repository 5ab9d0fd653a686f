// The README's TypeScript snippets compile against the package: they abbreviate the tested programs, and a
// snippet nobody compiles drifts.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { README_PATH } from "./docs";
import { ROOT } from "./schema";

/** What the fragments take as given: a VPC, two subnets and a second service. */
const PRELUDE = `
import * as aws from "@pulumi/aws";
import { InterfaceEndpoint, PrivateEndpoint } from "@apprunner-private/apprunner-private";
declare const vpc: aws.ec2.Vpc;
declare const subnetA: aws.ec2.Subnet;
declare const subnetB: aws.ec2.Subnet;
declare const subnets: aws.ec2.Subnet[];
declare const service: aws.apprunner.Service;
declare const adminService: aws.apprunner.Service;
`;

/**
 * The diagnostics of each module, by module, compiled in one program with the repository's settings (the package's name
 * mapped to sdk/): one program, since each costs seconds to make.
 */
function diagnostics(modules: string[]): string[][] {
    const files = modules.map((_, i) => path.join(ROOT, "tests", `__readme_snippet_${i}__.ts`));
    modules.forEach((code, i) => fs.writeFileSync(files[i], code));
    try {
        const config = ts.getParsedCommandLineOfConfigFile(
            path.join(ROOT, "tsconfig.json"),
            {},
            { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
        )!;
        const program = ts.createProgram(files, { ...config.options, noEmit: true, noUnusedLocals: false });
        return files.map((f) =>
            ts.getPreEmitDiagnostics(program, program.getSourceFile(f)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")),
        );
    } finally {
        for (const f of files) fs.rmSync(f, { force: true });
    }
}

describe("README TypeScript snippets", function () {
    this.timeout(60_000);
    it("compile: the Quick start alone, as the complete program it says it is; every other snippet as a fragment of one", () => {
        const readme = fs.readFileSync(README_PATH, "utf8");
        const snippets = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
        assert.ok(snippets.length >= 4, "the quick start, sharing, adoption and rehearsal snippets");
        const [quick, ...fragments] = snippets;
        assert.match(quick, /^import \* as aws from "@pulumi\/aws";\n/);
        // Each fragment in a module of its own, with the VPC, subnets and services it names declared: they are
        // alternatives (two of them declare `shared`), not one program.
        const modules = [
            quick,
            ...fragments.map(
                (f) =>
                    `${PRELUDE}\n${f
                        .split("\n")
                        .filter((l) => !l.startsWith("import "))
                        .join("\n")}\nexport {};\n`,
            ),
        ];
        assert.deepEqual(
            diagnostics(modules),
            modules.map(() => []),
            modules.join("\n----\n"),
        );
    });
});
