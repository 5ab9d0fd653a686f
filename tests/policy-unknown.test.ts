// Every policy rule that reads a value, with that value unknown in every way: "could not check", never a crash nor a
// guessed violation.
import * as assert from "node:assert/strict";
import { TestResource, UNKNOWN_VALUE, analyzeAll } from "./analyzer";
import { ACCOUNT, API_ARN, SG, VPC, expectOnly, of, resourceOnly, stack, unchecked } from "./policy-fixtures";

/**
 * Every rule that reads a value, with that value unknown in each of four ways: the value itself, the list it is, one
 * element of the list, one property of the object it is. Each must be "could not check" (advisory): never a crash,
 * never a violation guessed from a partial value.
 */
describe("policy rules on values unknown in every way", () => {
    type Mutate = (s: Record<string, TestResource>, unknown: string) => void;
    const cases: { rule: string; what: string; mutate: Mutate }[] = [
        {
            rule: "apprunner-service-not-public",
            what: "networkConfiguration (nested object)",
            mutate: (x, u) => ((x.api.props.networkConfiguration as any).ingressConfiguration = { isPubliclyAccessible: u }),
        },
        {
            rule: "apprunner-service-not-public",
            what: "networkConfiguration (value)",
            mutate: (x, u) => (x.api.props.networkConfiguration = u),
        },
        { rule: "apprunner-endpoint-interface", what: "vpcEndpointType (value)", mutate: (x, u) => (x.endpoint.props.vpcEndpointType = u) },
        { rule: "apprunner-endpoint-multi-az", what: "subnetIds (list)", mutate: (x, u) => (x.endpoint.props.subnetIds = u) },
        { rule: "apprunner-endpoint-multi-az", what: "subnetIds (element)", mutate: (x, u) => (x.endpoint.props.subnetIds = [u]) },
        { rule: "apprunner-endpoint-no-policy", what: "policy (value)", mutate: (x, u) => (x.endpoint.props.policy = u) },
        {
            rule: "apprunner-endpoint-ip-address-type",
            what: "ipAddressType (value)",
            mutate: (x, u) => (x.endpoint.props.ipAddressType = u),
        },
        ...["apprunner-endpoint-sg-not-world-open", "apprunner-endpoint-sg-https-only"].flatMap((rule) => [
            { rule, what: "ingress (list)", mutate: ((x, u) => (x.sg.props.ingress = u)) as Mutate },
            { rule, what: "ingress (element)", mutate: ((x, u) => (x.sg.props.ingress = [u])) as Mutate },
            {
                rule,
                what: "ingress[0].cidrBlocks (nested list)",
                mutate: ((x, u) => (x.sg.props.ingress = [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: u }])) as Mutate,
            },
            {
                rule,
                what: "ingress[0].cidrBlocks[0] (nested element)",
                mutate: ((x, u) => (x.sg.props.ingress = [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: [u] }])) as Mutate,
            },
        ]),
        {
            rule: "apprunner-one-connection-per-service",
            what: "serviceArn (value), two connections",
            mutate: (x, u) => ((x.conn.props.serviceArn = u), (x.conn.deps = {})),
        },
        {
            rule: "apprunner-connection-endpoint-same-vpc",
            what: "ingressVpcConfiguration (nested object)",
            mutate: (x, u) => ((x.conn.props.ingressVpcConfiguration = { vpcId: VPC, vpcEndpointId: u }), (x.conn.deps = {})),
        },
        {
            rule: "apprunner-endpoint-region-matches-service",
            what: "serviceArn (value)",
            mutate: (x, u) => ((x.conn.props.serviceArn = u), (x.conn.deps = { ingressVpcConfiguration: ["vpc", "endpoint"] })),
        },
        {
            rule: "apprunner-shared-endpoint",
            what: "vpcId (value), two endpoints",
            mutate: (x, u) => ((x.endpoint.props.vpcId = u), (x.endpoint.deps = {})),
        },
    ];
    for (const c of cases) {
        it(`${c.rule}: ${c.what}`, async () => {
            let s = stack((x) => c.mutate(x, UNKNOWN_VALUE));
            if (c.rule === "apprunner-one-connection-per-service") {
                s = [...s, { ...s[4], name: "conn2", props: { ...s[4].props, serviceArn: API_ARN } }];
            }
            if (c.rule === "apprunner-shared-endpoint") {
                s = [
                    ...s,
                    {
                        ...s[3],
                        name: "endpoint2",
                        props: { ...s[3].props, arn: `arn:aws:ec2:us-east-1:${ACCOUNT}:vpc-endpoint/vpce-0cccccccccccccccc` },
                        deps: { vpcId: ["vpc"] },
                    },
                ];
            }
            const ds = of(await analyzeAll(s), c.rule);
            assert.ok(ds.length > 0, "reported, not passed");
            for (const d of ds) {
                assert.equal(d.level, "advisory", d.message);
                assert.match(d.message, /\ncould not check: /, d.message);
            }
        });
    }

    it("says what it could not check, verbatim", async () => {
        const endpoint = { ...stack()[3], props: { ...stack()[3].props, vpcEndpointType: UNKNOWN_VALUE, ipAddressType: UNKNOWN_VALUE } };
        const ds = await resourceOnly(endpoint);
        expectOnly(of(ds, "apprunner-endpoint-interface"), [
            unchecked("apprunner-endpoint-interface", endpoint, `VpcEndpoint "endpoint"'s vpcEndpointType is not known yet.`),
        ]);
        expectOnly(of(ds, "apprunner-endpoint-ip-address-type"), [
            unchecked("apprunner-endpoint-ip-address-type", endpoint, `VpcEndpoint "endpoint"'s ipAddressType is not known yet.`),
        ]);
    });

    it(
        "a SecurityGroupRule whose cidrBlocks is an unknown list (vpc.cidrBlock.apply(c => [c])) " +
            "beside an App Runner endpoint: no crash",
        async () => {
            const rule: TestResource = {
                type: "aws:ec2/securityGroupRule:SecurityGroupRule",
                name: "from-vpc",
                props: { type: "ingress", securityGroupId: SG, protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: UNKNOWN_VALUE },
                deps: { securityGroupId: ["sg"] },
            };
            const ds = await analyzeAll([...stack(), rule]);
            const sg = ds.filter((d) => d.policy.startsWith("apprunner-endpoint-sg"));
            assert.deepEqual(
                sg.map((d) => [d.policy, d.level, d.message.split("\n")[1]]),
                [
                    [
                        "apprunner-endpoint-sg-not-world-open",
                        "advisory",
                        `could not check: SecurityGroupRule "from-vpc"'s direction, protocol, ports or sources are not known yet.`,
                    ],
                    [
                        "apprunner-endpoint-sg-https-only",
                        "advisory",
                        `could not check: SecurityGroupRule "from-vpc"'s direction, protocol, ports or sources are not known yet.`,
                    ],
                ],
            );
        },
    );
});
