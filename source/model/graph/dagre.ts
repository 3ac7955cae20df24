import * as dagre from '@dagrejs/dagre';

/** The part of a dagre graph the scope layout uses, typed. */
export type DagreGraph = {
	setGraph(label: {rankdir: 'TB'; nodesep: number; ranksep: number; edgesep: number; marginx: number; marginy: number}): void;
	setDefaultEdgeLabel(label: () => object): void;
	setNode(name: string, label: {width: number; height: number}): void;
	setEdge(from: string, to: string, label: {weight: number; minlen: number}, name: string): void;
	/** After layout: the node's centre. */
	node(name: string): {x: number; y: number};
	/** After layout: the edge's route. */
	edge(edge: {v: string; w: string; name: string}): {points?: Array<{x: number; y: number}>};
};

type Dagre = {
	Graph: new (options: {multigraph: boolean}) => DagreGraph;
	layout(graph: DagreGraph): void;
};

// The published .d.ts do not resolve under NodeNext (they import relative paths without
// extensions), so TypeScript sees `any`; this is the one typed door to it.
// eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion
const {Graph, layout} = dagre as unknown as Dagre;

export function createDagreGraph(): DagreGraph {
	return new Graph({multigraph: true});
}

export function runDagreLayout(graph: DagreGraph): void {
	layout(graph);
}
