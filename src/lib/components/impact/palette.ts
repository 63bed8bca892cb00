import { OUTCOME_COLOURS } from '$lib/components/network/colours';

// The impact charts' colours: the Okabe–Ito palette, told apart with red–green colour blindness too;
// bars get a dark outline so that the light ones stand out from the white background. Won and lost
// are the network drawing's colours for elected and not elected.
export const COLOURS = {
	trained: '#0072b2',
	ran: '#e69f00',
	won: OUTCOME_COLOURS.elected,
	lost: OUTCOME_COLOURS.not_elected,
	pending: '#56b4e9',
	trainees: '#5b2a86',
	otherWomen: '#cc79a7',
	allCandidates: '#8a8f96',
	national: '#555a60',
	outline: '#1d1d1f'
} as const;

/** One colour per cascade level (1 = the TOT's graduates), then round again. */
export const LEVEL_COLOURS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00'];
