// The studio's UI state: small values only (phase, counts, query, selection). Actions are plain
// functions in actions/*.ts that call useStudio.setState.
import { create } from 'zustand';
import { createDatasetSlice, type DatasetSlice } from './dataset-slice.ts';
import { createViewSlice, type ViewSlice } from './view-slice.ts';

export type StudioState = DatasetSlice & ViewSlice;

export const useStudio = create<StudioState>()((...args) => ({
  ...createDatasetSlice(...args),
  ...createViewSlice(...args),
}));
