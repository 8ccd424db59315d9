export { homePage } from '../../../common/home.js';
