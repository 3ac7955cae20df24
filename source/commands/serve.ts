import {UserError} from '../model/user-error.js';
import type {Command} from './command.js';

export const serveCommand: Command = {
	name: 'serve',
	summary: '',
	usage: 'sfntop serve',
	flags: {},
	flagHelp: [],
	async run() {
		throw new UserError('sfntop serve is not built yet');
	},
};
