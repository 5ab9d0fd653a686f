// PrivateEndpoint under mocks: the children it registers, with exact inputs, for a new endpoint and in a preview.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as assert from "node:assert/strict";
import { CONNECTION_SCHEMA, connectionDesiredState } from "../sdk/connection";
import { PrivateEndpoint } from "../sdk/index";
import { AwsMocks, TOPOLOGY as T, valueOf } from "./mocks";
import { COMPONENT_URN, CONNECTION, ENDPOINT, SG, modelOf, outputsOf } from "./privateEndpoint-fixtures";

describe("PrivateEndpoint", () => {
    describe("with subnetIds: a new endpoint", () => {
        let mocks: AwsMocks;
        let pe: PrivateEndpoint;
        let outputs: Awaited<ReturnType<typeof outputsOf>>;
        before(async () => {
            mocks = new AwsMocks().install();
            pe = new PrivateEndpoint("api", { serviceArn: T.apiServiceArn, vpcId: T.vpcId, subnetIds: [T.subnetA, T.subnetB] });
            outputs = await outputsOf(pe);
        });

        it("registers the component, a security group, an endpoint and a connection, named from the component", () => {
            assert.deepEqual(
                mocks.registrations.map((r) => `${r.type}::${r.name}`).sort(),
                [
                    `${CONNECTION}::api-connection`,
                    `${SG}::api-endpoint-sg`,
                    `${ENDPOINT}::api-endpoint`,
                    "apprunner-private:index:PrivateEndpoint::api",
                ].sort(),
            );
        });

        it("parents every child to the component; only the connection is deleteBeforeReplace", () => {
            for (const name of ["api-endpoint-sg", "api-endpoint", "api-connection"]) {
                const r = mocks.byName(name);
                assert.equal(r.parent, COMPONENT_URN("api"), name);
                assert.equal(r.provider, "", name);
                assert.equal(r.deleteBeforeReplace, name === "api-connection", name);
            }
        });

        it("creates a security group allowing TCP 443 only, from the VPC's IPv4 CIDR blocks, with no egress", () => {
            assert.deepEqual(mocks.byName("api-endpoint-sg").inputs, {
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
            });
        });

        it("creates an IPv4 Interface endpoint for apprunner.requests in the region, without policy or private DNS", () => {
            const sg = mocks.byName("api-endpoint-sg");
            assert.deepEqual(mocks.byName("api-endpoint").inputs, {
                vpcId: T.vpcId,
                serviceName: "com.amazonaws.us-east-1.apprunner.requests",
                vpcEndpointType: "Interface",
                subnetIds: [T.subnetA, T.subnetB],
                securityGroupIds: [sg.id],
                privateDnsEnabled: false,
                ipAddressType: "ipv4",
            });
        });

        it("connects the service to the endpoint through Cloud Control, with no tags, leaving the name to AWS", () => {
            const connection = mocks.byName("api-connection");
            assert.deepEqual(connection.inputs, {
                typeName: "AWS::AppRunner::VpcIngressConnection",
                desiredState: JSON.stringify({
                    ServiceArn: T.apiServiceArn,
                    IngressVpcConfiguration: { VpcId: T.vpcId, VpcEndpointId: mocks.byName("api-endpoint").id },
                }),
                schema: CONNECTION_SCHEMA,
            });
            // CloudFormation's handler names it: 12 random letters and digits after a prefix (the model's: unverified).
            assert.match(modelOf(connection).VpcIngressConnectionName, /^VpcIngressConnection-[A-Za-z0-9]{12}$/);
        });

        it("outputs the connection's private domain name, URL, ARN and status, and the endpoint and group ids", () => {
            const connection = mocks.byName("api-connection");
            assert.match(outputs.domainName!, /^[a-z0-9]{10}\.us-east-1\.awsapprunner\.com$/);
            assert.deepEqual(outputs, {
                domainName: modelOf(connection).DomainName,
                url: `https://${modelOf(connection).DomainName}`,
                vpcEndpointId: mocks.byName("api-endpoint").id,
                vpcIngressConnectionArn: connection.id,
                status: "AVAILABLE",
                securityGroupId: mocks.byName("api-endpoint-sg").id,
            });
            assert.match(
                outputs.vpcIngressConnectionArn!,
                /^arn:aws:apprunner:us-east-1:123456789012:vpcingressconnection\/VpcIngressConnection-[A-Za-z0-9]{12}\/[0-9a-f]{32}$/,
            );
        });

        it("exposes the child resources to TypeScript", async () => {
            assert.ok(pe.vpcEndpoint instanceof aws.ec2.VpcEndpoint);
            assert.ok(pe.securityGroup instanceof aws.ec2.SecurityGroup);
            assert.ok(pe.vpcIngressConnection instanceof aws.cloudcontrol.Resource);
            assert.equal(await valueOf(pe.vpcEndpoint!.id), outputs.vpcEndpointId);
        });

        it(
            "looks up the region and the account once, each subnet once, the endpoint service's zones, " + "the VPC once, and the service",
            () => {
                assert.deepEqual(
                    mocks.invokes.map((i) => `${i.token} ${JSON.stringify(i.inputs)}`).sort(),
                    [
                        `aws:cloudcontrol/getResource:getResource {"identifier":"${T.apiServiceArn}","typeName":"AWS::AppRunner::Service"}`,
                        `aws:ec2/getSubnet:getSubnet {"id":"${T.subnetA}"}`,
                        `aws:ec2/getSubnet:getSubnet {"id":"${T.subnetB}"}`,
                        `aws:ec2/getVpc:getVpc {"id":"${T.vpcId}"}`,
                        'aws:ec2/getVpcEndpointService:getVpcEndpointService {"serviceName":"com.amazonaws.us-east-1.apprunner.requests"}',
                        "aws:index/getCallerIdentity:getCallerIdentity {}",
                        "aws:index/getRegion:getRegion {}",
                    ].sort(),
                );
            },
        );

        it("logs no warning and leaves no error behind", () => {
            assert.deepEqual(mocks.unhandled, []);
        });
    });

    it("with vpcEndpointId: only a connection, and no lookup that only a new endpoint needs", async () => {
        const mocks = new AwsMocks().install();
        const pe = new PrivateEndpoint("admin", { serviceArn: T.adminServiceArn, vpcId: T.vpcId, vpcEndpointId: T.existingEndpointId });
        const outputs = await outputsOf(pe);
        assert.deepEqual(
            mocks.custom().map((r) => r.name),
            ["admin-connection"],
        );
        assert.equal(
            mocks.byName("admin-connection").inputs.desiredState,
            connectionDesiredState({ serviceArn: T.adminServiceArn, vpcId: T.vpcId, vpcEndpointId: T.existingEndpointId }),
        );
        assert.deepEqual(
            mocks.invokes.map((i) => i.token),
            ["aws:index/getRegion:getRegion", "aws:cloudcontrol/getResource:getResource", "aws:ec2/getVpcEndpoint:getVpcEndpoint"],
        );
        assert.equal(outputs.vpcEndpointId, T.existingEndpointId);
        assert.equal(outputs.securityGroupId, undefined);
        assert.equal(pe.vpcEndpoint, undefined);
        assert.equal(pe.securityGroup, undefined);
    });

    it("with securityGroupIds: uses them and creates no security group", async () => {
        const mocks = new AwsMocks().install();
        const pe = new PrivateEndpoint("api", {
            serviceArn: T.apiServiceArn,
            vpcId: T.vpcId,
            subnetIds: [T.subnetA, T.subnetB],
            securityGroupIds: [T.existingSecurityGroupId],
        });
        await outputsOf(pe);
        assert.deepEqual(
            mocks
                .custom()
                .map((r) => r.type)
                .sort(),
            [CONNECTION, ENDPOINT],
        );
        assert.deepEqual(mocks.byName("api-endpoint").inputs.securityGroupIds, [T.existingSecurityGroupId]);
        assert.equal(mocks.invokesOf("aws:ec2/getVpc:getVpc").length, 0);
    });

    it("with allowedCidrBlocks: the security group admits exactly those, and the VPC is not looked up", async () => {
        const mocks = new AwsMocks().install();
        const pe = new PrivateEndpoint("api", {
            serviceArn: T.apiServiceArn,
            vpcId: T.vpcId,
            subnetIds: [T.subnetA, T.subnetB],
            allowedCidrBlocks: ["10.0.5.0/24", pulumi.output("10.0.6.0/24")],
        });
        await outputsOf(pe);
        assert.deepEqual(mocks.byName("api-endpoint-sg").inputs.ingress[0].cidrBlocks, ["10.0.5.0/24", "10.0.6.0/24"]);
        assert.equal(mocks.invokesOf("aws:ec2/getVpc:getVpc").length, 0);
    });

    it(
        "passes tags to every resource it creates but the connection (tags replace it: " + "CloudFormation), and a custom connectionName",
        async () => {
            const mocks = new AwsMocks().install();
            const tags = { team: "payments", env: "prod" };
            const pe = new PrivateEndpoint("api", {
                serviceArn: T.apiServiceArn,
                vpcId: T.vpcId,
                subnetIds: [T.subnetA, T.subnetB],
                connectionName: "payments-api",
                tags,
            });
            await outputsOf(pe);
            for (const r of mocks.custom()) assert.deepEqual(r.inputs.tags, r.name === "api-connection" ? undefined : tags, r.name);
            assert.equal(JSON.parse(mocks.byName("api-connection").inputs.desiredState).VpcIngressConnectionName, "payments-api");
            assert.equal(modelOf(mocks.byName("api-connection")).VpcIngressConnectionName, "payments-api");
        },
    );

    for (const [how, opts] of [
        ["provider", (p: aws.Provider) => ({ provider: p })],
        ["providers", (p: aws.Provider) => ({ providers: [p] })],
    ] as const) {
        it(`an explicit provider given as \`${how}\` reaches every child and every lookup`, async () => {
            const mocks = new AwsMocks().install();
            const eu = new aws.Provider("eu", { region: "eu-west-1" });
            const pe = new PrivateEndpoint(
                "eu-api",
                { serviceArn: T.euServiceArn, vpcId: T.euVpcId, subnetIds: [T.euSubnetA, T.euSubnetB] },
                opts(eu),
            );
            const outputs = await outputsOf(pe);
            const providerRef = `${await valueOf(eu.urn)}::${await valueOf(eu.id)}`;
            for (const r of mocks.custom().filter((r) => r.type !== "pulumi:providers:aws")) assert.equal(r.provider, providerRef, r.name);
            for (const i of mocks.invokes) assert.equal(i.provider, providerRef, i.token);
            assert.equal(mocks.byName("eu-api-endpoint").inputs.serviceName, "com.amazonaws.eu-west-1.apprunner.requests");
            assert.match(outputs.domainName!, /\.eu-west-1\.awsapprunner\.com$/);
        });
    }

    it(
        "one endpoint shared by N services: one endpoint, N connections, and lookups that do not " + "grow with N (but each service's)",
        async () => {
            const mocks = new AwsMocks().install();
            const services = Array.from(
                { length: 5 },
                (_, i) =>
                    new aws.apprunner.Service(`svc${i}`, {
                        serviceName: `service-${i}`,
                        sourceConfiguration: {
                            imageRepository: {
                                imageIdentifier: "public.ecr.aws/aws-containers/hello-app-runner:latest",
                                imageRepositoryType: "ECR_PUBLIC",
                            },
                        },
                        networkConfiguration: { ingressConfiguration: { isPubliclyAccessible: false } },
                    }),
            );
            const first = new PrivateEndpoint("svc0", {
                serviceArn: services[0].arn,
                vpcId: T.vpcId,
                subnetIds: [T.subnetA, T.subnetB, T.subnetC],
            });
            const rest = services
                .slice(1)
                .map(
                    (s, i) => new PrivateEndpoint(`svc${i + 1}`, { serviceArn: s.arn, vpcId: T.vpcId, vpcEndpointId: first.vpcEndpointId }),
                );
            const all = await Promise.all([first, ...rest].map(outputsOf));
            assert.equal(mocks.custom(ENDPOINT).length, 1);
            assert.equal(mocks.custom(SG).length, 1);
            assert.equal(mocks.custom(CONNECTION).length, 5);
            assert.deepEqual(new Set(all.map((o) => o.vpcEndpointId)), new Set([mocks.custom(ENDPOINT)[0].id]));
            assert.equal(new Set(all.map((o) => o.domainName)).size, 5);
            assert.deepEqual(mocks.invokes.map((i) => i.token).sort(), [
                ...Array(5).fill("aws:cloudcontrol/getResource:getResource"),
                "aws:ec2/getSubnet:getSubnet",
                "aws:ec2/getSubnet:getSubnet",
                "aws:ec2/getSubnet:getSubnet",
                "aws:ec2/getVpc:getVpc",
                "aws:ec2/getVpcEndpoint:getVpcEndpoint",
                "aws:ec2/getVpcEndpointService:getVpcEndpointService",
                "aws:index/getCallerIdentity:getCallerIdentity",
                "aws:index/getRegion:getRegion",
            ]);
            assert.deepEqual(mocks.unhandled, []);
        },
    );

    it("registers the same inputs on every run (no random names, so no needless replacement)", async () => {
        const run = async () => {
            const mocks = new AwsMocks().install();
            await outputsOf(new PrivateEndpoint("api", { serviceArn: T.apiServiceArn, vpcId: T.vpcId, subnetIds: [T.subnetA, T.subnetB] }));
            return mocks.registrations.map((r) => JSON.stringify([r.type, r.name, r.inputs])).sort();
        };
        assert.deepEqual(await run(), await run());
    });

    describe("in a preview, with a service, a VPC and subnets not created yet", () => {
        let mocks: AwsMocks;
        let outputs: Awaited<ReturnType<typeof outputsOf>>;
        before(async () => {
            mocks = new AwsMocks({ preview: true }).install();
            const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.0.0.0/16" });
            const subnets = ["a", "b"].map(
                (z, i) =>
                    new aws.ec2.Subnet(`subnet-${z}`, { vpcId: vpc.id, cidrBlock: `10.0.${i}.0/24`, availabilityZone: `us-east-1${z}` }),
            );
            const service = new aws.apprunner.Service("svc", {
                serviceName: "svc-api",
                sourceConfiguration: {
                    imageRepository: {
                        imageIdentifier: "public.ecr.aws/aws-containers/hello-app-runner:latest",
                        imageRepositoryType: "ECR_PUBLIC",
                    },
                },
            });
            const pe = new PrivateEndpoint("api", { serviceArn: service.arn, vpcId: vpc.id, subnetIds: subnets.map((s) => s.id) });
            outputs = await outputsOf(pe);
        });

        it("registers every child and leaves the outputs unknown, without hanging", () => {
            assert.deepEqual(
                mocks
                    .custom()
                    .map((r) => r.name)
                    .sort(),
                ["api-connection", "api-endpoint", "api-endpoint-sg", "subnet-a", "subnet-b", "svc", "vpc"],
            );
            assert.deepEqual(outputs, {
                domainName: undefined,
                url: undefined,
                vpcEndpointId: undefined,
                vpcIngressConnectionArn: undefined,
                status: undefined,
                securityGroupId: undefined,
            });
        });

        it("still knows the endpoint's service name from the provider's region, and asks nothing it cannot use yet", () => {
            assert.equal(mocks.byName("api-endpoint").inputs.serviceName, "com.amazonaws.us-east-1.apprunner.requests");
            // The account is asked only to judge subnets, which are not known yet.
            assert.deepEqual(mocks.invokes.map((i) => i.token).sort(), ["aws:index/getRegion:getRegion"]);
        });
    });
});
