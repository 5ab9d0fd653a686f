// End to end: what PrivateEndpoint registers under the AWS mocks passes every rule; a broken hand-written
// stack is flagged by the right ones. Resources reach the rules as the engine would send them to the pack.
import * as aws from "@pulumi/aws";
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { analyzeAll, toAnalyzed as asAnalyzed } from "./analyzer";
import { AwsMocks, runProgram, valueOf } from "./mocks";

const program = path.join(__dirname, "..", "program", "index.js");

describe("policy pack end to end", () => {
    it("the root project (PrivateEndpoint beside a private service) passes every rule after deployment", async () => {
        const { mocks } = await runProgram(program);
        assert.deepEqual(await analyzeAll(asAnalyzed(mocks)), []);
    });

    it("the root project's preview fails no rule; what cannot be known yet is advisory", async () => {
        const { mocks } = await runProgram(program, { preview: true });
        const diagnostics = await analyzeAll(asAnalyzed(mocks));
        assert.deepEqual(
            diagnostics.filter((d) => d.level === "mandatory"),
            [],
        );
        assert.deepEqual(
            diagnostics.map((d) => `${d.level} ${d.message.split("\n")[1]}`),
            [
                `advisory could not check: VpcEndpoint "hello-endpoint"'s subnetIds are not known yet.`,
                `advisory could not check: SecurityGroup "hello-endpoint-sg"'s ingress rules are not known yet.`,
                `advisory could not check: SecurityGroup "hello-endpoint-sg"'s ingress rules are not known yet.`,
                `advisory could not check: the service ARN of VpcIngressConnection "hello-connection" or ` +
                    `the service name of VpcEndpoint "hello-endpoint" is not known yet.`,
            ],
        );
    });

    it("a broken hand-written stack is flagged by the right rules", async () => {
        const mocks = new AwsMocks({ preview: true }).install();
        const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.0.0.0/16" });
        const subnet = new aws.ec2.Subnet("subnet", { vpcId: vpc.id, cidrBlock: "10.0.0.0/24", availabilityZone: "us-east-1a" });
        const open = new aws.ec2.SecurityGroup("open", {
            vpcId: vpc.id,
            ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
        });
        const endpoint = new aws.ec2.VpcEndpoint("endpoint", {
            vpcId: vpc.id,
            serviceName: "com.amazonaws.us-east-1.apprunner.requests",
            vpcEndpointType: "Interface",
            subnetIds: [subnet.id],
            securityGroupIds: [open.id],
            policy: JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: "apprunner:*", Resource: "*" }] }),
        });
        const service = new aws.apprunner.Service("public", {
            serviceName: "public-api",
            sourceConfiguration: {
                imageRepository: {
                    imageIdentifier: "public.ecr.aws/aws-containers/hello-app-runner:latest",
                    imageRepositoryType: "ECR_PUBLIC",
                },
            },
        });
        const connections = ["one", "two"].map(
            (n) =>
                new aws.apprunner.VpcIngressConnection(n, {
                    name: `conn-${n}`,
                    serviceArn: service.arn,
                    ingressVpcConfiguration: { vpcId: vpc.id, vpcEndpointId: endpoint.id },
                }),
        );
        await Promise.all(connections.map((c) => valueOf(c.urn)));
        const flagged = (await analyzeAll(asAnalyzed(mocks)))
            .filter((d) => d.level === "mandatory" || !d.message.includes("could not check"))
            .map((d) => `${d.policy} ${d.urn.split("::").pop()}`)
            .sort();
        assert.deepEqual(flagged, [
            "apprunner-connection-delete-before-replace one",
            "apprunner-connection-delete-before-replace two",
            "apprunner-endpoint-no-policy endpoint",
            "apprunner-endpoint-sg-https-only open",
            "apprunner-endpoint-sg-not-world-open open",
            "apprunner-one-connection-per-service two",
            "apprunner-service-not-public public",
            "apprunner-service-not-public public",
        ]);
    });
});
