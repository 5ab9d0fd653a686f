// The root project and the examples, run as programs under the AWS mocks (they cannot be deployed here).
import * as pulumi from "@pulumi/pulumi";
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { TOPOLOGY as T, runProgram } from "./mocks";

const bin = path.join(__dirname, "..");
const CONNECTION = "aws:cloudcontrol/resource:Resource";
const ENDPOINT = "aws:ec2/vpcEndpoint:VpcEndpoint";

/** What the root project creates: a VPC, two subnets, a private service, and the component's three children. */
const ROOT_RESOURCES = [
    `${CONNECTION}::hello-connection`,
    "aws:apprunner/service:Service::hello",
    "aws:ec2/securityGroup:SecurityGroup::hello-endpoint-sg",
    "aws:ec2/subnet:Subnet::private-0",
    "aws:ec2/subnet:Subnet::private-1",
    `${ENDPOINT}::hello-endpoint`,
    "aws:ec2/vpc:Vpc::vpc",
].sort();

describe("programs", () => {
    it("the root project: a VPC in two zones, a private service, one endpoint, and its url", async () => {
        const { mocks, outputs } = await runProgram(path.join(bin, "program", "index.js"));
        assert.deepEqual(
            mocks
                .custom()
                .map((r) => `${r.type}::${r.name}`)
                .sort(),
            ROOT_RESOURCES,
        );
        const [service] = mocks.custom("aws:apprunner/service:Service");
        assert.deepEqual(service.inputs.networkConfiguration, { ingressConfiguration: { isPubliclyAccessible: false } });
        assert.deepEqual(
            mocks.custom("aws:ec2/subnet:Subnet").map((s) => s.inputs.availabilityZone),
            ["us-east-1a", "us-east-1b"],
        );
        assert.deepEqual(
            mocks.byName("hello-endpoint").inputs.subnetIds,
            mocks.custom("aws:ec2/subnet:Subnet").map((s) => s.id),
        );
        assert.deepEqual(mocks.byName("hello-endpoint-sg").inputs.ingress[0].cidrBlocks, ["10.0.0.0/16"]);
        assert.equal(JSON.parse(mocks.byName("hello-connection").inputs.desiredState).ServiceArn, service.id);
        assert.equal(outputs.url, `https://${JSON.parse(mocks.byName("hello-connection").state!.properties).DomainName}`);
        assert.match(outputs.url as string, /^https:\/\/[a-z0-9]{10}\.us-east-1\.awsapprunner\.com$/);
        assert.deepEqual(mocks.unhandled, []);
    });

    it("the root project previews every child with unknown ids, known values kept, and no errors", async () => {
        const { mocks, outputs } = await runProgram(path.join(bin, "program", "index.js"), { preview: true });
        assert.deepEqual(
            mocks
                .custom()
                .map((r) => `${r.type}::${r.name}`)
                .sort(),
            ROOT_RESOURCES,
        );
        const endpoint = mocks.byName("hello-endpoint").engineInputs;
        assert.equal(endpoint.serviceName, "com.amazonaws.us-east-1.apprunner.requests");
        assert.deepEqual([endpoint.vpcEndpointType, endpoint.privateDnsEnabled, endpoint.ipAddressType], ["Interface", false, "ipv4"]);
        assert.equal(endpoint.subnetIds.length, 2);
        for (const id of endpoint.subnetIds) assert.ok(pulumi.isUnknown(id), "subnet ids unknown in a preview");
        const connection = mocks.byName("hello-connection");
        assert.ok(pulumi.isUnknown(connection.engineInputs.desiredState), "the desired state waits for the service's ARN");
        assert.equal(connection.deleteBeforeReplace, true);
        assert.deepEqual(outputs, { url: undefined, vpcEndpointId: undefined, vpcId: undefined });
        assert.deepEqual(mocks.unhandled, []);
    });

    it("examples/typescript: two services share one endpoint", async () => {
        const { mocks, outputs } = await runProgram(path.join(bin, "examples", "typescript", "index.js"), {
            config: { vpcId: T.vpcId, subnetIds: JSON.stringify([T.subnetA, T.subnetB]) },
        });
        assert.equal(mocks.custom(ENDPOINT).length, 1);
        assert.deepEqual(
            mocks
                .custom(CONNECTION)
                .map((c) => c.name)
                .sort(),
            ["admin-connection", "api-connection"],
        );
        for (const c of mocks.custom(CONNECTION)) {
            assert.equal(JSON.parse(c.inputs.desiredState).IngressVpcConfiguration.VpcEndpointId, outputs.vpcEndpointId);
        }
        assert.notEqual(outputs.apiUrl, outputs.adminUrl);
        assert.match(outputs.adminUrl as string, /^https:\/\/[a-z0-9]{10}\.us-east-1\.awsapprunner\.com$/);
        for (const s of mocks.custom("aws:apprunner/service:Service")) {
            assert.equal(s.inputs.networkConfiguration.ingressConfiguration.isPubliclyAccessible, false, s.name);
        }
        assert.deepEqual(mocks.unhandled, []);
    });
});
