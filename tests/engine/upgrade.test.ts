// Upgrading a stack the previous release deployed (tests/engine/fixtures/three-services-60b5a24: its program, `pulumi
// stack export` and the simulated account it left, captured with the release of commit 60b5a24, whose connections were
// aws.apprunner.VpcIngressConnection), through the real engine, with exactly the commands README's "Upgrading" gives:
// `apprunner-private import-connections`, then `pulumi up`. No connection is replaced or deleted, and none is out of
// service at any point; afterwards a move is in place.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { CLOUDCONTROL_RESOURCE } from "../../plan/provider";
import { REPO, Workspace, deployedStack, planOnPath, readmeBlock, urnName } from "./harness";

const FIXTURE = path.join(REPO, "tests", "engine", "fixtures", "three-services-60b5a24");
const TF_CONNECTION = "aws:apprunner/vpcIngressConnection:VpcIngressConnection";

describe("real engine: upgrading a stack the previous release (60b5a24) deployed", function () {
    this.timeout(20 * 60_000);
    const ws = new Workspace("upgrade");
    const dir = path.join(ws.dir, "program");
    let start: ReturnType<Workspace["connections"]>;

    before(() => {
        deployedStack(ws, dir, FIXTURE, "upgrade");
        start = ws.connections();
    });
    after(() => ws.dispose());

    it(
        "without the upgrade command, the preview refuses the connections (they exist in AWS), " +
            "naming the command, and nothing changes",
        () => {
            const mark = ws.mark();
            const r = ws.exec(dir, "pulumi", ["preview", "--stack", "test", "--non-interactive"]);
            assert.notEqual(r.code, 0);
            // The preview stops at the first connection refused; which one comes first depends on the engine's order.
            const text = r.output.replace(/\s+/g, " ");
            const refused = start.filter((c) =>
                text.includes(
                    `This stack's connection ${c.arn} was deployed by a release that managed it as an ` +
                        `aws.apprunner.VpcIngressConnection; this ` +
                        "release manages it through Cloud Control, and AWS would refuse a second connection for the " +
                        "service. To keep it as it is: run " +
                        "`apprunner-private import-connections` (the @apprunner-private/plan package) for this " +
                        "stack, then `pulumi up` (README, " +
                        '"Upgrading"). Nothing was created or deleted.',
                ),
            );
            assert.ok(refused.length >= 1, r.output);
            assert.deepEqual(
                ws.requests(mark).filter((r2) => ["Create", "Update", "Delete"].includes(r2.method)),
                [],
            );
            assert.deepEqual(ws.connections(), start);
        },
    );

    it("README's commands import the connections and change nothing in AWS; a second preview shows no changes", () => {
        const commands = readmeBlock("Upgrading");
        assert.deepEqual(commands, ["apprunner-private import-connections --stack prod", "pulumi up --stack prod"]);
        const mark = ws.mark();
        for (const command of commands) {
            const [bin, ...args] = command.replace("--stack prod", "--stack test").split(" ");
            const r = ws.exec(
                dir,
                bin,
                [...args, ...(bin === "pulumi" ? ["--yes", "--skip-preview", "--non-interactive"] : [])],
                planOnPath(ws),
            );
            assert.equal(r.code, 0, `${command}:\n${r.output}`);
        }
        const requests = ws.requests(mark);
        // Nothing in AWS but reads: no child created, updated or deleted, no connection touched.
        assert.deepEqual(
            requests.filter((r) => ["Create", "Update", "Delete"].includes(r.method)).map((r) => `${r.method} ${urnName(r.urn!)}`),
            [],
        );
        assert.deepEqual(
            requests.filter((r) => r.method === "AWS" && !/:(Describe|Get|List)/.test(r.action!)).map((r) => r.action),
            [],
        );
        assert.deepEqual(ws.connections(), start);
        const state = ws.state(dir, "test");
        assert.deepEqual(
            state.filter((r) => r.type === TF_CONNECTION),
            [],
        );
        assert.deepEqual(
            state
                .filter((r) => r.type === CLOUDCONTROL_RESOURCE)
                .map((r) => `${urnName(r.urn)} ${r.id}`)
                .sort(),
            start.map((c) => `${c.serviceArn.split("/")[1].replace("private-", "")}-connection ${c.arn}`).sort(),
        );
        ws.pulumi(dir, "preview", "--stack", "test", "--expect-no-changes");
    });

    it("then moving api to the shared endpoint is an update in place: its ARN and domain name stay", () => {
        const program = path.join(dir, "index.ts");
        fs.writeFileSync(
            program,
            fs
                .readFileSync(program, "utf8")
                .replace(
                    'new PrivateEndpoint("api", { serviceArn: privateService("api").arn, vpcId, subnetIds, tags });',
                    'new PrivateEndpoint("api", { serviceArn: privateService("api").arn, vpcId, vpcEndpointId: ' +
                        "shared.vpcEndpointId, tags });",
                ),
        );
        const api = start.find((c) => c.serviceArn.includes(":service/private-api/"))!;
        const mark = ws.mark();
        ws.pulumi(dir, "up", "--stack", "test", "--yes", "--skip-preview");
        const actions = ws
            .requests(mark)
            .filter((r) => r.method === "AWS")
            .map((r) => r.action);
        assert.ok(actions.includes("cloudcontrol:UpdateResource"));
        assert.ok(!actions.includes("cloudcontrol:DeleteResource"));
        const moved = ws.connections().find((c) => c.arn === api.arn)!;
        assert.equal(moved.domainName, api.domainName);
        assert.notEqual(moved.endpointId, api.endpointId);
        ws.pulumi(dir, "preview", "--stack", "test", "--expect-no-changes");
    });
});
