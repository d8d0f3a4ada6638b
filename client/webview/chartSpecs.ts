// The chart specs live in common/report (the standalone HTML report draws the same charts as SVG);
// the page imports them from here.
export * from '../../common/report/chartSpecs';
