// What the interface endpoints of a planned stack cost a month, and what sharing one saves.
import {
    DEFAULT_ENDPOINT_PRICE_PER_AZ_HOUR,
    HOURS_PER_MONTH,
    endpointPricePerAzHour,
    regionOfAppRunnerEndpointService,
} from "@apprunner-private/apprunner-private/aws";
import { connectionOf } from "./connection";

export interface CostEstimate {
    hoursPerMonth: number;
    /** `owner`: the component that created the endpoint, e.g. `InterfaceEndpoint "shared"` (shared by its services). */
    endpoints: { name: string; owner?: string; region: string; azs: number; pricePerAzHour: number; monthly: number }[];
    /** The App Runner services connected (one VPC ingress connection each). */
    services: number;
    monthly: number;
    /** What one endpoint per service would cost, in as many AZs as the endpoints here have on average. */
    monthlyOneEndpointPerService: number;
    saving: number;
    /** How the prices were chosen, e.g. a region whose price is not known and the default assumed for it. */
    notes: string[];
}

const round = (x: number) => Math.round(x * 100) / 100;

/**
 * Prices each App Runner interface endpoint at its region's price per Availability Zone per hour (or
 * `pricePerAzHour` when given), for an average month.
 */
export function estimateCost(
    resources: { type: string; name: string; inputs: Record<string, any>; parent?: string }[],
    pricePerAzHour?: number,
): CostEstimate {
    const notes: string[] = [];
    const endpoints = resources
        .filter(
            (r) =>
                r.type === "aws:ec2/vpcEndpoint:VpcEndpoint" &&
                typeof r.inputs.serviceName === "string" &&
                regionOfAppRunnerEndpointService(r.inputs.serviceName),
        )
        .map((r) => {
            const region = regionOfAppRunnerEndpointService(r.inputs.serviceName)!;
            const azs = Array.isArray(r.inputs.subnetIds) ? r.inputs.subnetIds.length : 0;
            const regional = endpointPricePerAzHour(region);
            if (pricePerAzHour === undefined && !regional.known) {
                const note =
                    `no confirmed price for ${region}: USD ${DEFAULT_ENDPOINT_PRICE_PER_AZ_HOUR} (us-east-1's) ` +
                    `assumed; pass --price-per-az-hour for the real one`;
                if (!notes.includes(note)) notes.push(note);
            }
            const price = pricePerAzHour ?? regional.price;
            return {
                name: r.name,
                owner: ownerOf(r.parent),
                region,
                azs,
                pricePerAzHour: price,
                monthly: round(azs * HOURS_PER_MONTH * price),
            };
        });
    if (pricePerAzHour !== undefined) notes.push(`USD ${pricePerAzHour} per endpoint-AZ-hour, as given (--price-per-az-hour)`);
    const services = resources.filter((r) => connectionOf(r) !== undefined).length;
    const monthly = round(endpoints.reduce((sum, e) => sum + e.monthly, 0));
    const azHours = endpoints.reduce((n, e) => n + e.azs, 0);
    const averageAzs = endpoints.length ? azHours / endpoints.length : 0;
    const averagePrice = azHours ? endpoints.reduce((sum, e) => sum + e.azs * e.pricePerAzHour, 0) / azHours : 0;
    const monthlyOneEndpointPerService = round(services * averageAzs * HOURS_PER_MONTH * averagePrice);
    return {
        hoursPerMonth: HOURS_PER_MONTH,
        endpoints,
        services,
        monthly,
        monthlyOneEndpointPerService,
        saving: round(Math.max(0, monthlyOneEndpointPerService - monthly)),
        notes,
    };
}

/** `InterfaceEndpoint "shared"` or `PrivateEndpoint "api"`, from a child's parent URN; undefined for other parents. */
export function ownerOf(parent: string | undefined): string | undefined {
    const m = /(?:::|\$)apprunner-private:index:(InterfaceEndpoint|PrivateEndpoint)::([^:]+)$/.exec(parent ?? "");
    return m ? `${m[1]} "${m[2]}"` : undefined;
}
