// The API reports of the component package (sdk/api/, issue #25), made by API Extractor for its three entry points in one
// process: `node api-report.cjs` fails when the API differs from the reports (npm run lint); `--local` rewrites them.
const { Extractor, ExtractorConfig } = require("@microsoft/api-extractor");

const localBuild = process.argv.includes("--local");
let succeeded = true;
for (const config of ["sdk/api-extractor.json", "sdk/api-extractor.aws.json", "sdk/api-extractor.provider.json"]) {
    const result = Extractor.invoke(ExtractorConfig.loadFileAndPrepare(config), { localBuild });
    succeeded = succeeded && result.succeeded;
}
process.exitCode = succeeded ? 0 : 1;
