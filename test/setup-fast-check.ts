import fc from 'fast-check';

// CI uses a fixed seed so that a red build can be reproduced exactly (FC_SEED overrides it);
// local runs keep fast-check's random seed and go on exploring new inputs.
if (process.env.CI) fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261126) });
