// What the stand-in AWS provider decides for each input of each child a PrivateEndpoint creates, through the real
// engine: a change that the released provider makes in place is an update, one it replaces on (ForceNew, or a create-only
// path of a Cloud Control type) is a replace, as plan/provider/resources cites per property. Security group rule edits
// revoke only the sources that went and authorize only those that came, as the provider does. One TypeScript program
// makes the three children directly, each input from configuration, and each case changes one.
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { TOPOLOGY as T } from "../../plan/aws";
import { REPO, Request, Workspace, urnName } from "./harness";

const STACK = "test";
const GROUP = {
    vpcId: T.vpcId,
    description: "HTTPS to the App Runner interface endpoint",
    ingress: [
        {
            description: "HTTPS from the allowed CIDR blocks",
            protocol: "tcp",
            fromPort: 443,
            toPort: 443,
            cidrBlocks: ["10.0.0.0/16", "10.1.0.0/16"],
        },
    ],
    egress: [],
    tags: { team: "payments" },
};
const ENDPOINT = {
    vpcId: T.vpcId,
    serviceName: "com.amazonaws.us-east-1.apprunner.requests",
    vpcEndpointType: "Interface",
    subnetIds: [T.subnetA, T.subnetB],
    privateDnsEnabled: false,
    ipAddressType: "ipv4",
    ownGroup: true,
    tags: { team: "payments" },
};
const CONNECTION = {
    typeName: "AWS::AppRunner::VpcIngressConnection",
    serviceArn: T.apiServiceArn,
    vpcId: T.vpcId,
    vpcEndpointId: T.existingEndpointId,
};
/** The rule's second source alone, as the provider revokes or authorizes it (updateSecurityGroupRules, one call per source). */
const SECOND_SOURCE = {
    IpProtocol: "tcp",
    FromPort: 443,
    ToPort: 443,
    IpRanges: [{ CidrIp: "10.1.0.0/16", Description: "HTTPS from the allowed CIDR blocks" }],
    Ipv6Ranges: [],
    PrefixListIds: [],
    UserIdGroupPairs: [],
};
type Inputs = Record<string, unknown>;
interface Case {
    /** What changes, as the test's name says it. */
    what: string;
    child: "group" | "endpoint" | "connection";
    change: Inputs;
    op: "update" | "replace";
}

// The provider's decisions: plan/provider/resources/{securityGroup,vpcEndpoint,cloudControlResource}.ts and common.ts
// cite each one to the Terraform AWS provider's source.
const CASES: Case[] = [
    {
        what: "group: ingress sources",
        child: "group",
        change: { ingress: [{ ...GROUP.ingress[0], cidrBlocks: ["10.0.0.0/16"] }] },
        op: "update",
    },
    {
        what: "group: egress",
        child: "group",
        change: { egress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.0.0.0/16"] }] },
        op: "update",
    },
    { what: "group: tags", child: "group", change: { tags: { team: "platform" } }, op: "update" },
    { what: "group: name", child: "group", change: { name: "renamed-group" }, op: "replace" },
    { what: "group: description", child: "group", change: { description: "another description" }, op: "replace" },
    { what: "group: vpcId", child: "group", change: { vpcId: T.otherVpcId, ingress: [], egress: [] }, op: "replace" },
    { what: "group: region", child: "group", change: { region: "eu-west-1" }, op: "replace" },
    { what: "endpoint: subnetIds", child: "endpoint", change: { subnetIds: [T.subnetA, T.subnetB, T.subnetC] }, op: "update" },
    {
        what: "endpoint: securityGroupIds",
        child: "endpoint",
        change: { ownGroup: false, securityGroupIds: [T.existingSecurityGroupId] },
        op: "update",
    },
    { what: "endpoint: privateDnsEnabled (Interface)", child: "endpoint", change: { privateDnsEnabled: true }, op: "update" },
    { what: "endpoint: ipAddressType", child: "endpoint", change: { ipAddressType: "dualstack" }, op: "update" },
    { what: "endpoint: tags", child: "endpoint", change: { tags: { team: "platform" } }, op: "update" },
    { what: "endpoint: vpcId", child: "endpoint", change: { vpcId: T.otherVpcId }, op: "replace" },
    { what: "endpoint: serviceName", child: "endpoint", change: { serviceName: "com.amazonaws.us-east-1.apprunner" }, op: "replace" },
    { what: "endpoint: vpcEndpointType", child: "endpoint", change: { vpcEndpointType: "Gateway" }, op: "replace" },
    { what: "endpoint: region", child: "endpoint", change: { region: "eu-west-1" }, op: "replace" },
    { what: "connection: its endpoint (a move)", child: "connection", change: { vpcEndpointId: undefined }, op: "update" },
    { what: "connection: its VPC and endpoint (a move)", child: "connection", change: { vpcId: T.otherVpcId }, op: "update" },
    { what: "connection: the type's schema given", child: "connection", change: { schema: "{}" }, op: "update" },
    { what: "connection: its service", child: "connection", change: { serviceArn: T.adminServiceArn }, op: "replace" },
    { what: "connection: its name", child: "connection", change: { name: "named-connection" }, op: "replace" },
    { what: "connection: typeName", child: "connection", change: { typeName: "AWS::AppRunner::Service" }, op: "replace" },
    { what: "connection: region", child: "connection", change: { region: "eu-west-1" }, op: "replace" },
];

describe("real engine: the AWS provider's update-or-replace decision for every input of every child", function () {
    this.timeout(20 * 60_000);
    const ws = new Workspace("lifecycle");
    let dir: string;
    const inputs: Record<string, Inputs> = { group: GROUP, endpoint: ENDPOINT, connection: CONNECTION };
    const set = (child: string, value: Inputs) => ws.pulumi(dir, "config", "set", "--stack", STACK, child, JSON.stringify(value));
    const pulumi = (...args: string[]) => ws.pulumi(dir, ...args, "--stack", STACK);
    const ec2Calls = (requests: Request[], action: RegExp) =>
        requests
            .filter((r) => r.method === "AWS" && action.test(r.action!))
            .map((r) => ({ action: r.action, permissions: r.params!.IpPermissions }));

    before(() => {
        dir = ws.copyProject(path.join(REPO, "tests", "engine", "programs", "lifecycle-ts"), "lifecycle", [
            "node_modules",
            "tsconfig.json",
        ]);
        ws.pulumi(dir, "stack", "init", STACK);
        ws.pulumi(dir, "config", "set", "--stack", STACK, "aws:region", "us-east-1");
        for (const [child, value] of Object.entries(inputs)) set(child, value);
        pulumi("up", "--yes", "--skip-preview");
        pulumi("preview", "--expect-no-changes");
    });
    after(() => ws.dispose());

    for (const c of CASES) {
        it(`${c.what}: ${c.op}`, () => {
            set(c.child, { ...inputs[c.child], ...c.change });
            try {
                const preview = JSON.parse(pulumi("preview", "--json").stdout);
                const step = preview.steps.find((s: { urn: string }) => urnName(s.urn) === c.child);
                assert.equal(
                    step?.op,
                    c.op,
                    JSON.stringify(preview.steps.map((s: { op: string; urn: string }) => `${s.op} ${urnName(s.urn)}`)),
                );
            } finally {
                set(c.child, inputs[c.child]);
            }
        });
    }

    it("a rule's source removed: that source revoked alone, nothing authorized", () => {
        set("group", { ...GROUP, ingress: [{ ...GROUP.ingress[0], cidrBlocks: ["10.0.0.0/16"] }] });
        const mark = ws.mark();
        pulumi("up", "--yes", "--skip-preview");
        const requests = ws.requests(mark);
        assert.deepEqual(ec2Calls(requests, /SecurityGroup(Ingress|Egress)$/), [
            {
                action: "ec2:RevokeSecurityGroupIngress",
                permissions: [SECOND_SOURCE],
            },
        ]);
    });

    it("a rule's source added back: that source authorized alone, nothing revoked", () => {
        set("group", GROUP);
        const mark = ws.mark();
        pulumi("up", "--yes", "--skip-preview");
        assert.deepEqual(ec2Calls(ws.requests(mark), /SecurityGroup(Ingress|Egress)$/), [
            {
                action: "ec2:AuthorizeSecurityGroupIngress",
                permissions: [SECOND_SOURCE],
            },
        ]);
        pulumi("preview", "--expect-no-changes");
    });

    it("tags are updated before the rest of an update (the provider's tagging interceptor runs first)", () => {
        set("group", { ...GROUP, tags: { team: "platform" }, ingress: [{ ...GROUP.ingress[0], cidrBlocks: ["10.0.0.0/16"] }] });
        const mark = ws.mark();
        pulumi("up", "--yes", "--skip-preview");
        const order = ws
            .requests(mark)
            .filter((r) => r.method === "AWS" && /(CreateTags|DeleteTags|SecurityGroupIngress)$/.test(r.action!))
            .map((r) => r.action);
        assert.deepEqual(order, ["ec2:CreateTags", "ec2:RevokeSecurityGroupIngress"]);
        set("group", GROUP);
        pulumi("up", "--yes", "--skip-preview");
        pulumi("preview", "--expect-no-changes");
    });

    it(
        "a move of the connection is one UpdateResource with the patch of its endpoint: the same " + "connection, through the new endpoint",
        () => {
            const [before] = ws.connections();
            set("connection", { ...CONNECTION, vpcEndpointId: undefined });
            const mark = ws.mark();
            pulumi("up", "--yes", "--skip-preview");
            const requests = ws
                .requests(mark)
                .filter((r) => r.method === "AWS" && /Resource$/.test(r.action!) && r.action !== "cloudcontrol:GetResource");
            const endpointId = ws.state(dir, STACK).find((r) => urnName(r.urn) === "endpoint")!.id;
            assert.deepEqual(
                requests.map((r) => [r.action, JSON.parse(r.params!.PatchDocument)]),
                [["cloudcontrol:UpdateResource", [{ op: "replace", path: "/IngressVpcConfiguration/VpcEndpointId", value: endpointId }]]],
            );
            assert.deepEqual(ws.connections(), [{ ...before, endpointId }]);
            pulumi("preview", "--expect-no-changes");
            pulumi("destroy", "--yes", "--skip-preview");
            assert.deepEqual(ws.leftovers(), []);
        },
    );
});
