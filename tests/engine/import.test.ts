// `pulumi import` through the stand-in, for every AWS type it models: what existed before any stack (the account's
// topology, and a connection made in the console) is read with no inputs given, Pulumi generates the program for it, and
// that program then previews with no changes: the inputs Read answers are the ones Check and Diff agree with.
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { TOPOLOGY as T } from "../../plan/aws";
import { CLOUDCONTROL_RESOURCE, CONNECTION, MODELLED_TYPES, SECURITY_GROUP, SERVICE, SUBNET, VPC, VPC_ENDPOINT } from "../../plan/provider";
import { REPO, Workspace } from "./harness";

describe("real engine: pulumi import of every modelled type", function () {
    this.timeout(10 * 60_000);
    const ws = new Workspace("import");
    let dir: string;
    after(() => ws.dispose());

    it("imports what existed before the stack with no inputs given, and the generated program previews with no changes", () => {
        dir = ws.copyProject(path.join(REPO, "tests", "engine", "programs", "import-yaml"), "imports");
        ws.pulumi(dir, "stack", "init", "test");
        ws.pulumi(dir, "config", "set", "aws:region", "us-east-1");
        const connection = ws.console("create-connection", T.adminServiceArn, T.vpcId, T.existingEndpointId, "--name", "made-in-console");
        const resources = [
            { type: VPC, name: "vpc", id: T.vpcId },
            { type: SUBNET, name: "subnet", id: T.subnetA },
            { type: SECURITY_GROUP, name: "group", id: T.existingSecurityGroupId },
            { type: VPC_ENDPOINT, name: "endpoint", id: T.existingEndpointId },
            { type: SERVICE, name: "service", id: T.adminServiceArn },
            { type: CONNECTION, name: "connection", id: connection.vpcIngressConnectionArn },
        ];
        assert.deepEqual(
            resources.map((r) => r.type).sort(),
            MODELLED_TYPES.filter((t) => t !== CLOUDCONTROL_RESOURCE).sort(),
            "every modelled type the AWS provider can import by id (the last test has the one it cannot)",
        );
        fs.writeFileSync(path.join(ws.dir, "import.json"), JSON.stringify({ resources }));
        const generated = path.join(ws.dir, "generated.yaml");
        const r = ws.pulumi(dir, "import", "--file", path.join(ws.dir, "import.json"), "--out", generated, "--yes", "--protect=false");
        assert.match(r.stdout, /6 imported/);
        const state = ws.state(dir, "test");
        for (const { type, id } of resources) {
            const found = state.find((s) => s.type === type && s.id === id);
            assert.ok(found, `${type} ${id} is in the state`);
        }
        // The generated program, as the user would paste it into Pulumi.yaml.
        const program = fs
            .readFileSync(path.join(dir, "Pulumi.yaml"), "utf8")
            .replace("resources: {}\n", fs.readFileSync(generated, "utf8"));
        fs.writeFileSync(path.join(dir, "Pulumi.yaml"), program);
        assert.match(program, /made-in-console/);
        ws.pulumi(dir, "preview", "--stack", "test", "--expect-no-changes");
    });

    it("Check refuses what the provider's schema refuses, in the bridge's words, before anything is created", () => {
        const program = path.join(dir, "Pulumi.yaml");
        const kept = fs.readFileSync(program, "utf8");
        fs.writeFileSync(
            program,
            `${kept}  e:\n    type: aws:ec2:VpcEndpoint\n    properties:\n      vpcId: ${T.vpcId}\n     ` +
                ` serviceName: com.amazonaws.us-east-1.apprunner.requests\n      vpcEndpointType: Interface\n ` +
                `     ipAddressType: ipv6only\n`,
        );
        try {
            const mark = ws.mark();
            const r = ws.pulumiFails(dir, "preview", "--stack", "test");
            assert.ok(
                r.output.includes(
                    "aws:ec2/vpcEndpoint:VpcEndpoint resource 'e' has a problem: expected ip_address_type to " +
                        'be one of ["ipv4" "dualstack" "ipv6"], got ipv6only. Examine values at ' +
                        "'e.ipAddressType'.",
                ),
                r.output,
            );
            assert.deepEqual(
                ws.requests(mark).filter((q) => q.method === "Create"),
                [],
            );
        } finally {
            fs.writeFileSync(program, kept);
        }
    });

    it("cannot import a Cloud Control resource by id alone: the AWS provider has no importer, and Read has no typeName", () => {
        const arn = ws.connections().find((c) => c.name === "made-in-console")!.arn;
        const r = ws.pulumiFails(dir, "import", CLOUDCONTROL_RESOURCE, "cc", arn, "--yes", "--stack", "test");
        assert.ok(r.output.includes(`resource '${arn}' does not exist`), r.output);
        assert.equal(ws.state(dir, "test").filter((s) => s.type === CLOUDCONTROL_RESOURCE).length, 0);
    });

    it("refuses an id AWS does not have", () => {
        const r = ws.pulumiFails(dir, "import", VPC_ENDPOINT, "gone", "vpce-0123456789abcdef0", "--yes", "--stack", "test");
        assert.match(r.output, /resource 'vpce-0123456789abcdef0' does not exist/);
    });
});
