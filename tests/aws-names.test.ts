// AWS's naming rules as the component reads them: service and connection ARNs, EC2 ids, regions.
import * as assert from "node:assert/strict";
import { isEc2Id, parseConnectionArn, parseServiceArn } from "../sdk/aws";
import { validateAdoptedConnection, validateAdoptedEndpoint, validateAdoptionChoice, validateAdoptionId } from "../sdk/validation";
import { ARN, table } from "./validation-fixtures";

describe("AWS naming rules", () => {
    it("parses a service ARN into its parts", () => {
        assert.deepEqual(parseServiceArn(ARN), {
            partition: "aws",
            region: "us-east-1",
            accountId: "123456789012",
            serviceName: "api-service",
            serviceId: "8fe1e10304f84fd2b0df550fe98a71fa",
        });
    });

    it("recognises EC2 ids of 8 and 17 hexadecimal characters only", () => {
        assert.equal(isEc2Id("subnet", "subnet-0123456789abcdef0"), true);
        assert.equal(isEc2Id("subnet", "subnet-01234567"), true);
        assert.equal(isEc2Id("subnet", "subnet-0123456789"), false);
        assert.equal(isEc2Id("securityGroup", "sg-01234567"), true);
        assert.equal(isEc2Id("securityGroup", "subnet-01234567"), false);
    });

    describe("adoption", () => {
        const CONNECTION =
            "arn:aws:apprunner:us-east-1:123456789012:vpcingressconnection/AppRunnerVpcIngressConnecti-Ab3dE5gH7jK9/" +
            "0123456789abcdef0123456789abcdef";
        it("parseConnectionArn reads the region, account, name and id; anything else is not a connection ARN", () => {
            assert.deepEqual(parseConnectionArn(CONNECTION), {
                region: "us-east-1",
                accountId: "123456789012",
                name: "AppRunnerVpcIngressConnecti-Ab3dE5gH7jK9",
                id: "0123456789abcdef0123456789abcdef",
            });
            for (const bad of [
                ARN,
                CONNECTION.replace("vpcingressconnection", "vpcconnector"),
                CONNECTION.replace("/AppRunner", "/-AppRunner"),
                "vpce-0123456789abcdef0",
            ]) {
                assert.equal(parseConnectionArn(bad), undefined, bad);
            }
        });

        describe("validateAdoptionId", () => {
            table(
                ([arg, v]: [Parameters<typeof validateAdoptionId>[0], unknown]) => validateAdoptionId(arg, v),
                [
                    [["adoptVpcEndpointId", "vpce-0123456789abcdef0"], []],
                    [["adoptSecurityGroupId", "sg-01234567"], []],
                    [["adoptConnectionArn", CONNECTION], []],
                    [
                        ["adoptSecurityGroupId", "default"],
                        [
                            "`adoptSecurityGroupId` must be a security group id (sg- and 8 or 17 hexadecimal " +
                                'characters), got: "default". Pass the id of the security group to adopt, e.g. from `aws ' +
                                "ec2 describe-security-groups`.",
                        ],
                    ],
                    [
                        ["adoptConnectionArn", 42],
                        [
                            "`adoptConnectionArn` must be a VPC ingress connection ARN " +
                                "(arn:aws:apprunner:<region>:<account>:vpcingressconnection/<name>/<id>), got: 42. Pass the " +
                                "connection's ARN, e.g. from `aws apprunner list-vpc-ingress-connections`.",
                        ],
                    ],
                ],
            );
        });

        describe("validateAdoptionChoice", () => {
            const given = {
                adoptVpcEndpointId: false,
                adoptSecurityGroupId: false,
                adoptConnectionArn: false,
                securityGroupIds: false,
                subnetIds: true,
                adoptFrom: false,
            };
            table(validateAdoptionChoice, [
                [{ ...given, adoptVpcEndpointId: true, adoptSecurityGroupId: true, adoptConnectionArn: true }, []],
                [{ ...given, adoptVpcEndpointId: true, securityGroupIds: true }, []],
                [{ ...given, subnetIds: false, adoptConnectionArn: true }, []],
                [
                    { ...given, adoptSecurityGroupId: true, adoptFrom: true },
                    [
                        "Only one of `adoptFrom` or `adoptSecurityGroupId` can be provided. `adoptFrom` takes over " +
                            "the security group of a PrivateEndpoint in this stack; `adoptSecurityGroupId` imports one " +
                            "made outside Pulumi. Keep the one that matches where the security group comes from.",
                    ],
                ],
            ]);
        });

        describe("validateAdoptedEndpoint", () => {
            const endpoint = {
                id: "vpce-0123456789abcdef0",
                vpcId: "vpc-01234567",
                serviceName: "com.amazonaws.us-east-1.apprunner.requests",
                vpcEndpointType: "Interface",
                securityGroupIds: ["sg-01234567"],
            };
            const expected = { vpcId: "vpc-01234567", serviceName: "com.amazonaws.us-east-1.apprunner.requests" };
            table(
                (e: typeof endpoint) => validateAdoptedEndpoint(e, { ...expected, groups: { adopted: "sg-01234567" } }).errors,
                [
                    [endpoint, []],
                    [
                        { ...endpoint, vpcEndpointType: "Gateway", serviceName: "com.amazonaws.us-east-1.s3" },
                        [
                            "`adoptVpcEndpointId` must be an Interface endpoint of " +
                                "com.amazonaws.us-east-1.apprunner.requests, got: vpce-0123456789abcdef0, a Gateway " +
                                "endpoint of com.amazonaws.us-east-1.s3. Adopt the App Runner endpoint of the VPC (`aws ec2 " +
                                "describe-vpc-endpoints --filters " +
                                "Name=service-name,Values=com.amazonaws.us-east-1.apprunner.requests`).",
                        ],
                    ],
                    [
                        { ...endpoint, securityGroupIds: ["sg-01234567", "sg-89abcdef"] },
                        [
                            "`adoptSecurityGroupId` must be the security group of the endpoint `adoptVpcEndpointId` " +
                                "names, got: sg-01234567, while vpce-0123456789abcdef0 has sg-01234567 and sg-89abcdef. " +
                                'Adopt its group, or pass `securityGroupIds: ["sg-01234567","sg-89abcdef"]` to keep its ' +
                                "groups without managing them.",
                        ],
                    ],
                ],
            );
            it("with securityGroupIds given, neither an error nor a warning about its groups", () => {
                assert.deepEqual(
                    validateAdoptedEndpoint({ ...endpoint, securityGroupIds: ["sg-89abcdef"] }, { ...expected, groups: "given" }),
                    { errors: [], warnings: [] },
                );
            });
        });

        describe("validateAdoptedConnection", () => {
            const connection = {
                ServiceArn: ARN,
                IngressVpcConfiguration: { VpcId: "vpc-01234567", VpcEndpointId: "vpce-0123456789abcdef0" },
            };
            table(
                (expected: Parameters<typeof validateAdoptedConnection>[1]) => validateAdoptedConnection(connection, expected),
                [
                    [{ serviceArn: ARN, vpcId: "vpc-01234567", endpointId: "vpce-0123456789abcdef0", endpointArg: "vpcEndpointId" }, []],
                    [{ endpointArg: "vpcEndpointId" }, []],
                    [
                        { vpcId: "vpc-89abcdef", endpointArg: "vpcEndpointId" },
                        [
                            "`adoptConnectionArn` must be a connection in `vpcId` (vpc-89abcdef), got: a connection in " +
                                "vpc-01234567. Set `vpcId` to vpc-01234567: a connection is adopted as it is, and moved to " +
                                "another VPC afterwards, in place.",
                        ],
                    ],
                    [
                        { serviceArn: ARN.replace("api-service", "other"), secret: true, endpointArg: "vpcEndpointId" },
                        [
                            "`adoptConnectionArn` must connect `serviceArn` ([secret]), got: a connection of " +
                                ARN +
                                ". Adopt the connection of this service (`aws apprunner list-vpc-ingress-connections " +
                                "--filter ServiceArn=<service ARN>`), or set `serviceArn` to the service it connects.",
                        ],
                    ],
                ],
            );
        });
    });
});
