// The stand-in's console (`npm run standin:console`): every verb, run as a user runs it, changing one account file as
// the AWS console would; what it prints is JSON, and what it does is what AWS's APIs do (refusals included).
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { TOPOLOGY as T } from "../plan/aws";
import { Store } from "../plan/standin/store";

const CONSOLE = path.join(__dirname, "..", "plan", "standin", "console.js");

describe("the stand-in's console", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "apprunner-console-"));
    const state = path.join(dir, "aws.json");
    after(() => fs.rmSync(dir, { recursive: true, force: true }));
    const run = (...args: string[]) => spawnSync(process.execPath, [CONSOLE, "--state", state, ...args], { encoding: "utf8" });
    const json = (...args: string[]) => {
        const r = run(...args);
        assert.equal(r.status, 0, r.stderr);
        return JSON.parse(r.stdout);
    };

    it("lists nothing for an account as it starts", () => {
        assert.deepEqual(json("list"), []);
    });

    it("makes a service, an endpoint with its security group, and a connection, then lists them", () => {
        const { serviceArn } = json("create-service", "console-made", "--tag", "team=payments");
        assert.match(serviceArn, /^arn:aws:apprunner:us-east-1:123456789012:service\/console-made\/[0-9a-f]{32}$/);
        const { vpcEndpointId, securityGroupId } = json(
            "create-endpoint",
            T.vpcId,
            T.subnetA,
            T.subnetB,
            "--group-name",
            "console-endpoint",
        );
        const connection = json("create-connection", serviceArn, T.vpcId, vpcEndpointId, "--name", "console-connection");
        assert.equal(connection.name, "console-connection");
        assert.match(connection.domainName, /^[a-z0-9]{10}\.us-east-1\.awsapprunner\.com$/);
        assert.deepEqual(
            json("list").map((r: { type: string; id: string }) => [r.type, r.id]),
            [
                ["security-group", securityGroupId],
                ["vpc-endpoint", vpcEndpointId],
                ["apprunner-service", serviceArn],
                ["vpc-ingress-connection", connection.vpcIngressConnectionArn],
            ],
        );
        const group = new Store(state).snapshot().securityGroups.find((g) => g.GroupId === securityGroupId)!;
        assert.deepEqual(
            group.IpPermissions.flatMap((p) => p.IpRanges.map((r) => `${p.IpProtocol} ${p.FromPort} ${r.CidrIp}`)),
            T.vpcCidrBlocks.map((c) => `tcp 443 ${c}`),
        );
    });

    it("moves a connection to another endpoint in place (UpdateVpcIngressConnection): its ARN and domain name stay", () => {
        const [connection] = json("list").filter((r: { type: string }) => r.type === "vpc-ingress-connection");
        const before = new Store(state).snapshot().connections.find((c) => c.VpcIngressConnectionArn === connection.id)!;
        assert.deepEqual(json("move-connection", connection.id, T.vpcId, T.existingEndpointId), {
            vpcIngressConnectionArn: connection.id,
            status: "PENDING_UPDATE",
            ingressVpcConfiguration: { VpcId: T.vpcId, VpcEndpointId: T.existingEndpointId },
        });
        const after = new Store(state).snapshot().connections.find((c) => c.VpcIngressConnectionArn === connection.id)!;
        assert.deepEqual(
            [after.Status, after.DomainName, after.VpcIngressConnectionName],
            ["AVAILABLE", before.DomainName, before.VpcIngressConnectionName],
            "AVAILABLE at once: the console's AWS takes no time (APPRUNNER_STANDIN_TIME_SCALE unset)",
        );
        const refused = run("move-connection", connection.id, T.otherVpcId, T.existingEndpointId);
        assert.equal(refused.status, 1);
        assert.match(refused.stderr, /InvalidRequestException/);
    });

    it("opens a security group, tags, and deletes, as AWS does", () => {
        const [group] = json("list").filter((r: { type: string }) => r.type === "security-group");
        assert.deepEqual(json("authorize-ingress", group.id, "0.0.0.0/0"), {
            authorized: { groupId: group.id, cidr: "0.0.0.0/0", port: 443 },
        });
        assert.deepEqual(json("tag", group.id, "owner=console"), { tagged: group.id, tags: { owner: "console" } });
        assert.deepEqual(new Store(state).snapshot().securityGroups.find((g) => g.GroupId === group.id)!.Tags, [
            { Key: "owner", Value: "console" },
        ]);
        // The endpoint still uses the group: AWS refuses, and the console says so as AWS does.
        const refused = run("delete", group.id);
        assert.equal(refused.status, 1);
        assert.equal(refused.stderr, `DependencyViolation: resource ${group.id} has a dependent object\n`);
        const connection = json("list").find((r: { type: string }) => r.type === "vpc-ingress-connection");
        assert.deepEqual(json("delete", connection.id), { deleted: connection.id });
        assert.equal(
            json("list").some((r: { type: string }) => r.type === "vpc-ingress-connection"),
            false,
        );
    });

    it("refuses a verb it does not know, with its usage, exit 2", () => {
        const r = run("explode");
        assert.equal(r.status, 2);
        assert.match(r.stderr, /^unknown verb explode\n\nusage: standin:console --state FILE/);
    });
});
