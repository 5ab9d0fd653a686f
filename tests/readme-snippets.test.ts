// The README's TypeScript snippets compile against the package: they abbreviate the tested programs, and a
// snippet nobody compiles drifts.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { README_PATH } from "./docs";
import { ROOT } from "./schema";

/** What the snippets take as given: a VPC, two subnets and a second service. */
const PRELUDE = `
import * as aws from "@pulumi/aws";
declare const vpc: aws.ec2.Vpc;
declare const subnetA: aws.ec2.Subnet;
declare const subnetB: aws.ec2.Subnet;
declare const adminService: aws.apprunner.Service;
`;

describe("README TypeScript snippets", function () {
    this.timeout(60_000);
    it("type-check together against sdk/ (the package's name mapped as in tsconfig.json)", () => {
        const readme = fs.readFileSync(README_PATH, "utf8");
        const snippets = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
        assert.ok(snippets.length >= 2, "the quick start and the sharing snippets");
        // One module: the sharing snippet continues the quick start (it uses `api`); imports go first.
        const body = snippets
            .join("\n")
            .replace(/\/\* your image or code \*\//, 'imageRepository: { imageIdentifier: "x", imageRepositoryType: "ECR_PUBLIC" }');
        const imports = body.split("\n").filter((l) => l.startsWith("import "));
        const code =
            [...new Set(imports)].join("\n") +
            PRELUDE.replace('import * as aws from "@pulumi/aws";', "") +
            body
                .split("\n")
                .filter((l) => !l.startsWith("import "))
                .join("\n");
        const file = path.join(ROOT, "tests", "__readme_snippets__.ts");
        fs.writeFileSync(file, code);
        try {
            const config = ts.getParsedCommandLineOfConfigFile(
                path.join(ROOT, "tsconfig.json"),
                {},
                { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
            )!;
            const program = ts.createProgram([file], { ...config.options, noEmit: true, noUnusedLocals: false });
            const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
            assert.deepEqual(diagnostics, [], code);
        } finally {
            fs.rmSync(file, { force: true });
        }
    });
});
