// `apprunner-private plan` on the real engine: README's Quick start and its new projects, as written.
import * as assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { REPO, Workspace, enginePath } from "./harness";
import { tree } from "./plan-fixtures";

// Issue #24, item 6: README's Quick start and its offline new projects, run as written (bash, top to bottom), with one
// substitution: the clone's `npm ci && npm pack` is this repository's own `npm pack` of the same workspaces, into a
// folder named as the clone would be (with the provider beside the tarballs, as in a clone).
describe("real engine: README's Quick start and new projects, as written", function () {
    this.timeout(20 * 60_000);
    const ws = new Workspace("quickstart");
    after(() => ws.dispose());
    const readme = fs.readFileSync(path.join(REPO, "README.md"), "utf8");
    const user = () => ({
        ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(PULUMI_|APPRUNNER_STANDIN_)/.test(k))),
        PATH: `${enginePath()}${path.delimiter}${process.env.PATH}`,
        PULUMI_HOME: path.join(ws.dir, "user-home"),
        PULUMI_BACKEND_URL: `file://${path.join(ws.dir, "user-backend")}`,
        PULUMI_CONFIG_PASSPHRASE: "quickstart",
        PULUMI_SKIP_UPDATE_CHECK: "true",
        GOTOOLCHAIN: "local",
    });
    const bash = (cwd: string, script: string, env: NodeJS.ProcessEnv = user()) => {
        const r = spawnSync("bash", ["-e", "-c", script], { cwd, encoding: "utf8", env });
        assert.equal(r.status, 0, `${script}\n${r.stdout}${r.stderr}`);
        return r;
    };
    const block = (after: string, lang: string) => {
        const at = readme.indexOf(after);
        assert.ok(at >= 0, `README has ${after}`);
        return new RegExp("```" + lang + "\\n([\\s\\S]*?)```").exec(readme.slice(at))![1];
    };
    before(() => {
        for (const d of ["user-home", "user-backend"]) fs.mkdirSync(path.join(ws.dir, d));
        const clone = path.join(ws.dir, "apprunner-private");
        fs.mkdirSync(clone);
        execFileSync(
            "npm",
            ["pack", "--workspace", "sdk", "--workspace", "policy", "--workspace", "plan", "--silent", "--pack-destination", clone],
            { cwd: REPO, stdio: "pipe" },
        );
        fs.symlinkSync(path.join(REPO, "provider"), path.join(clone, "provider"));
    });

    it("TypeScript: a new project, no AWS account, ending in a plan of the endpoint, the connection, the cost and the findings", () => {
        const sh = block("## Quick start (TypeScript)", "sh").split("\n");
        assert.deepEqual(sh.slice(0, 2), [
            "git clone <this repository> apprunner-private",
            "(cd apprunner-private && npm ci && npm pack --workspace sdk --workspace policy --workspace plan)",
        ]);
        const write = sh.indexOf("# write index.ts (below), then:");
        bash(ws.dir, sh.slice(2, write).join("\n"));
        const dir = path.join(ws.dir, "quickstart");
        fs.writeFileSync(path.join(dir, "index.ts"), block("## Quick start (TypeScript)", "ts"));
        const plan = spawnSync("bash", ["-e", "-c", sh.slice(write + 1).join("\n")], { cwd: dir, encoding: "utf8", env: user() });
        assert.equal(plan.status, 0, plan.stdout + plan.stderr);
        assert.deepEqual(tree(plan.stdout), [
            "  apprunner-private:index:PrivateEndpoint  api",
            "    aws:cloudcontrol/resource:Resource  api-connection",
            "    aws:ec2/securityGroup:SecurityGroup  api-endpoint-sg",
            "    aws:ec2/vpcEndpoint:VpcEndpoint  api-endpoint",
            "  aws:apprunner/service:Service  api",
            "  aws:ec2/subnet:Subnet  private-0",
            "  aws:ec2/subnet:Subnet  private-1",
            "  aws:ec2/vpc:Vpc  vpc",
        ]);
        for (const line of [
            "\nPolicy pack apprunner-private: 0 mandatory violations, 0 advisory findings\n",
            '  api-endpoint of PrivateEndpoint "api" (us-east-1): 2 AZs × 730 h × USD 0.01 = USD 14.60\n',
            "\nResult: OK\n",
        ])
            assert.ok(plan.stdout.includes(line), plan.stdout);
        assert.match(plan.stdout, /\n {2}url = "https:\/\/[a-z0-9]{10}\.us-east-1\.awsapprunner\.com"\n/);
    });

    for (const language of ["python", "go", "yaml"]) {
        it(`${language}: a new project made as README says, planned`, () => {
            bash(ws.dir, block(`<!-- new-project: ${language} -->`, "sh"));
            const dir = path.join(ws.dir, `quickstart-${language}`);
            // The plan installed as above: the Quick start's project holds it.
            const env = { ...user(), PATH: `${path.join(ws.dir, "quickstart", "node_modules", ".bin")}${path.delimiter}${user().PATH}` };
            const plan = spawnSync("bash", ["-e", "-c", block("<!-- new-project: plan -->", "sh")], { cwd: dir, encoding: "utf8", env });
            assert.equal(plan.status, 0, plan.stdout + plan.stderr);
            assert.deepEqual(tree(plan.stdout), [
                "  apprunner-private:index:PrivateEndpoint  api",
                "    aws:cloudcontrol/resource:Resource  api-connection",
                "    aws:ec2/securityGroup:SecurityGroup  api-endpoint-sg",
                "    aws:ec2/vpcEndpoint:VpcEndpoint  api-endpoint",
            ]);
            assert.match(plan.stdout, /\n {2}url = "https:\/\/[a-z0-9]{10}\.us-east-1\.awsapprunner\.com"\n/);
        });
    }
});
