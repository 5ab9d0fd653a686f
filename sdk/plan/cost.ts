// What the interface endpoints of a planned stack cost a month, and what sharing one saves.
import { regionOfAppRunnerEndpointService } from "../aws";
import { HOURS_PER_MONTH } from "../policy/rules/sharedEndpoint";

/** USD per interface endpoint per Availability Zone per hour (AWS PrivateLink pricing, us-east-1). */
export const DEFAULT_PRICE_PER_AZ_HOUR = 0.01;

export interface CostEstimate {
    pricePerAzHour: number;
    hoursPerMonth: number;
    endpoints: { name: string; azs: number; monthly: number }[];
    /** The App Runner services connected (one VPC ingress connection each). */
    services: number;
    monthly: number;
    /** What one endpoint per service would cost, in as many AZs as the endpoints here have on average. */
    monthlyOneEndpointPerService: number;
    saving: number;
}

const round = (x: number) => Math.round(x * 100) / 100;

export function estimateCost(
    resources: { type: string; name: string; inputs: Record<string, any> }[],
    pricePerAzHour = DEFAULT_PRICE_PER_AZ_HOUR,
): CostEstimate {
    const endpoints = resources
        .filter((r) => r.type === "aws:ec2/vpcEndpoint:VpcEndpoint" && typeof r.inputs.serviceName === "string" && regionOfAppRunnerEndpointService(r.inputs.serviceName))
        .map((r) => {
            const azs = Array.isArray(r.inputs.subnetIds) ? r.inputs.subnetIds.length : 0;
            return { name: r.name, azs, monthly: round(azs * HOURS_PER_MONTH * pricePerAzHour) };
        });
    const services = resources.filter((r) => r.type === "aws:apprunner/vpcIngressConnection:VpcIngressConnection").length;
    const monthly = round(endpoints.reduce((sum, e) => sum + e.monthly, 0));
    const averageAzs = endpoints.length ? endpoints.reduce((n, e) => n + e.azs, 0) / endpoints.length : 0;
    const monthlyOneEndpointPerService = round(services * averageAzs * HOURS_PER_MONTH * pricePerAzHour);
    return {
        pricePerAzHour,
        hoursPerMonth: HOURS_PER_MONTH,
        endpoints,
        services,
        monthly,
        monthlyOneEndpointPerService,
        saving: round(Math.max(0, monthlyOneEndpointPerService - monthly)),
    };
}
