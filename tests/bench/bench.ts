// `npm run bench`: N services on one shared endpoint under the AWS mocks, through PrivateEndpoint and through a
// program that registers the same AWS resources directly (the baseline), measured in the same run. Prints wall
// time (median of several runs), registrations and invokes, and the ratio; fails if lookups grow with N.
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PrivateEndpoint } from "../../sdk/index";
import { appRunnerEndpointServiceName } from "../../sdk/aws";
import { AwsMocks, TOPOLOGY as T, serviceArn, valueOf } from "../mocks";

const SIZES = [1, 10, 100, 500];
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

type Program = (arns: string[]) => pulumi.Output<string>[];

/** The component: the first service creates the endpoint, the others reuse it. */
const viaComponent: Program = (arns) => {
    const first = new PrivateEndpoint("svc0", { serviceArn: arns[0], vpcId: T.vpcId, subnetIds: [T.subnetA, T.subnetB, T.subnetC] });
    const rest = arns
        .slice(1)
        .map((arn, i) => new PrivateEndpoint(`svc${i + 1}`, { serviceArn: arn, vpcId: T.vpcId, vpcEndpointId: first.vpcEndpointId }));
    return [first, ...rest].map((pe) => pe.domainName);
};

/** The same AWS resources, hand-written: what a careful user would write without the component. */
const direct: Program = (arns) => {
    const sg = new aws.ec2.SecurityGroup("svc0-endpoint-sg", {
        vpcId: T.vpcId,
        description: "HTTPS to the App Runner interface endpoint",
        ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: T.vpcCidrBlocks }],
        egress: [],
    });
    const endpoint = new aws.ec2.VpcEndpoint("svc0-endpoint", {
        vpcId: T.vpcId,
        serviceName: appRunnerEndpointServiceName("us-east-1"),
        vpcEndpointType: "Interface",
        subnetIds: [T.subnetA, T.subnetB, T.subnetC],
        securityGroupIds: [sg.id],
        privateDnsEnabled: false,
        ipAddressType: "ipv4",
    });
    return arns.map(
        (arn, i) =>
            new aws.apprunner.VpcIngressConnection(
                `svc${i}-connection`,
                {
                    serviceArn: arn,
                    ingressVpcConfiguration: { vpcId: T.vpcId, vpcEndpointId: endpoint.id },
                },
                { deleteBeforeReplace: true },
            ).domainName,
    );
};

async function measure(program: Program, n: number) {
    const times: number[] = [];
    let registrations = 0;
    let invokes = 0;
    for (let run = 0; run < RUNS; run++) {
        const arns = Array.from({ length: n }, (_, i) => serviceArn(`bench-service-${i}`));
        const mocks = new AwsMocks().install();
        for (const arn of arns) mocks.addService(arn);
        const start = process.hrtime.bigint();
        const domains = await Promise.all(program(arns).map(valueOf));
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
        if (new Set(domains).size !== n || mocks.unhandled.length > 0) throw new Error(`run failed: ${mocks.unhandled.join("; ")}`);
        registrations = mocks.registrations.length;
        invokes = mocks.invokes.length;
    }
    times.sort((a, b) => a - b);
    return { ms: times[Math.floor(times.length / 2)], registrations, invokes };
}

async function main() {
    // One warm-up of each, so module loading and JIT do not land on the first measured size.
    await measure(viaComponent, 1);
    await measure(direct, 1);
    const rows: string[][] = [
        ["N", "component ms", "direct ms", "ratio", "component regs", "direct regs", "component invokes", "direct invokes"],
    ];
    const invokeCounts: number[] = [];
    for (const n of SIZES) {
        const c = await measure(viaComponent, n);
        const d = await measure(direct, n);
        invokeCounts.push(c.invokes);
        rows.push([
            String(n),
            c.ms.toFixed(1),
            d.ms.toFixed(1),
            `${(c.ms / d.ms).toFixed(2)}x`,
            String(c.registrations),
            String(d.registrations),
            String(c.invokes),
            String(d.invokes),
        ]);
    }
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    console.log(`PrivateEndpoint vs direct resources, N services on one endpoint, median of ${RUNS} runs under mocks`);
    for (const r of rows) console.log(r.map((cell, i) => cell.padStart(widths[i])).join("  "));
    if (new Set(invokeCounts).size !== 1) {
        console.error(`FAIL: lookups grow with N: ${invokeCounts.join(", ")}`);
        process.exitCode = 1;
    } else {
        console.log(
            `lookups per program: ${invokeCounts[0]} at every N (getRegion and getCallerIdentity once, getSubnet per subnet, getVpc once)`,
        );
    }
}

main().catch((e) => {
    console.error(e);
    process.exit(1);
});
