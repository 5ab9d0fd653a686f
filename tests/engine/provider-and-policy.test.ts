// Through the real engine: an explicit AWS provider passed from Python reaches every child and lookup of a
// component served by provider/, and the policy pack, run by `pulumi preview --policy-pack`, passes the root
// project and fails it once its service is made public.
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { TOPOLOGY as T } from "../../plan/aws";
import { CLOUDCONTROL_RESOURCE, SECURITY_GROUP, VPC_ENDPOINT } from "../../plan/provider";
import { REPO, Workspace, addProvider, configure, creates, edit, rootCopy } from "./harness";

describe("real engine: an explicit provider from Python", function () {
    this.timeout(20 * 60_000);
    const ws = new Workspace("explicit-provider");
    after(() => ws.dispose());

    it("reaches every child and every lookup of the component (eu-west-1, while the stack's region is us-east-1)", () => {
        const dir = ws.copyProject(path.join(REPO, "tests", "engine", "programs", "python-provider"), "program");
        addProvider(ws, dir);
        ws.pulumi(dir, "stack", "init", "test");
        configure(ws, dir, "test", { serviceArn: T.euServiceArn, vpcId: T.euVpcId, subnetIds: [T.euSubnetA, T.euSubnetB] });
        const mark = ws.mark();
        ws.pulumi(dir, "up", "--stack", "test", "--yes", "--skip-preview");

        const eu = "urn:pulumi:test::explicit-provider::pulumi:providers:aws::eu";
        const requests = ws.requests(mark);
        const children = [VPC_ENDPOINT, SECURITY_GROUP, CLOUDCONTROL_RESOURCE].flatMap((t) => creates(requests, t));
        assert.equal(children.length, 3);
        for (const c of children) assert.deepEqual([c.urn, c.provider, c.region], [c.urn, eu, "eu-west-1"]);
        const lookups = requests.filter((r) => r.method === "Invoke");
        assert.deepEqual([...new Set(lookups.map((l) => l.token))].sort(), [
            "aws:cloudcontrol/getResource:getResource",
            "aws:ec2/getSubnet:getSubnet",
            "aws:ec2/getVpc:getVpc",
            "aws:ec2/getVpcEndpointService:getVpcEndpointService",
            "aws:index/getCallerIdentity:getCallerIdentity",
            "aws:index/getRegion:getRegion",
        ]);
        for (const l of lookups) assert.deepEqual([l.token, l.provider], [l.token, eu]);
        const { url } = JSON.parse(ws.pulumi(dir, "stack", "output", "--stack", "test", "--json").stdout);
        assert.match(url, /^https:\/\/[a-z0-9]{10}\.eu-west-1\.awsapprunner\.com$/);
        ws.pulumi(dir, "destroy", "--stack", "test", "--yes", "--skip-preview");
    });
});

describe("real engine: the policy pack", function () {
    this.timeout(20 * 60_000);
    const ws = new Workspace("policy");
    const pack = path.join(REPO, "policy");
    let dir: string;
    before(() => {
        dir = rootCopy(ws);
        ws.pulumi(dir, "stack", "init", "test");
        configure(ws, dir, "test", {});
    });
    after(() => ws.dispose());

    it("passes the root project, in the preview and the update", () => {
        const preview = ws.pulumi(dir, "preview", "--stack", "test", "--policy-pack", pack);
        assert.match(preview.output, /apprunner-private@v0\.1\.0/);
        ws.pulumi(dir, "up", "--stack", "test", "--yes", "--policy-pack", pack);
    });

    it("fails a preview in which the connected service becomes public, with the mandatory violation", () => {
        edit(path.join(dir, "program", "index.ts"), "isPubliclyAccessible: false", "isPubliclyAccessible: true");
        const failed = ws.pulumiFails(dir, "preview", "--stack", "test", "--policy-pack", pack);
        const text = failed.output.replace(/\s+/g, " ");
        assert.ok(text.includes("[mandatory] apprunner-service-not-public"), failed.output);
        assert.ok(
            text.includes(
                'Service "hello" is connected privately by VpcIngressConnection "hello-connection" but is ' +
                    "not private (isPubliclyAccessible: true): " +
                    "set networkConfiguration.ingressConfiguration.isPubliclyAccessible to false, as AWS's " +
                    "procedure for a private service does.",
            ),
            failed.output,
        );
        edit(path.join(dir, "program", "index.ts"), "isPubliclyAccessible: true", "isPubliclyAccessible: false");
        ws.pulumi(dir, "destroy", "--stack", "test", "--yes", "--skip-preview");
    });
});
